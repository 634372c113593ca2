/** The pure sizing engine: no Node, Electron or I/O imports anywhere below this folder. */
export * from './types.js';
export * from './units.js';
export * from './precision.js';
export * from './kv.js';
export * from './pooled.js';
export * from './inputs.js';
export * from './cost.js';
export * from './coldstart.js';
export * from './recommendations.js';
export * from './plan.js';
export * from './templates.js';
export * from './format.js';
export * from './catalogs/index.js';
export * from './sweep.js';
export * from './compare.js';
export * from './calibration/index.js';
