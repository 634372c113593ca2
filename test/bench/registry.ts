/** Benchmarks of the other parts (store, web host, exports, renderer) register here. */
import { exportBenchmarks } from './export-bench.js';
import { importBenchmarks } from './import-bench.js';
import { optimiseBenchmarks } from './optimise-bench.js';
import { rendererBenchmarks } from './renderer-bench.js';
import { storeBenchmarks } from './store-bench.js';

export const EXTRA_BENCHMARKS: Array<() => Promise<Record<string, unknown>>> = [
  storeBenchmarks,
  importBenchmarks,
  exportBenchmarks,
  rendererBenchmarks,
  optimiseBenchmarks,
];
