/** Flags of `sizing optimise` beyond the sizing flags (kept apart so plain sizing does not load the optimiser). */
export const OPTIMISE_FLAGS = ['servers', 'engines', 'max-capex-usd', 'objective', 'top'];
