/** Calibration from real engine start-up logs: pure parsing and profile matching, no I/O. */
export * from './types.js';
export { parseStartupLog, figureName, bindsAtSmallest, ENGINE_NAMES } from './parse-log.js';
export * from './match.js';
export * from './profile.js';
export * from './read.js';
export * from './start-of-log.js';
export * from './apply.js';
export * from './predict.js';
