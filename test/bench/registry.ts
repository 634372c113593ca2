/** Benchmarks of the other parts (store, web host, exports, renderer) register here. */
import { storeBenchmarks } from './store-bench.js';

export const EXTRA_BENCHMARKS: Array<() => Promise<Record<string, unknown>>> = [storeBenchmarks];
