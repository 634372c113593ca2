// `npm run accuracy`: the planner's figures beside public measurements, section by section. It
// prints; it never fails on a miss (the tests in test/unit guard what the README claims).
import { latencyAccuracy, latencyAccuracyTable } from './latency-section.js';

const sections: Array<() => string> = [() => latencyAccuracyTable(latencyAccuracy())];
process.stdout.write(sections.map((section) => section()).join('\n'));
