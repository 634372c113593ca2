/** Benchmarks of the other parts (store, web host, exports, renderer) register here. */
export const EXTRA_BENCHMARKS: Array<() => Promise<Record<string, unknown>>> = [];
