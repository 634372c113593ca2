/**
 * Finds English sentences in text that should be Portuguese. English function words that never
 * occur in Portuguese mark a line; the product's borrowed terms (cold start, headroom, storage,
 * overhead, prefill…) carry none of them, so they pass. URLs and command-line flags are left out.
 */
const ENGLISH_MARKERS =
  /\b(the|and|with|of|for|is|are|to|when|which|this|that|from|into|per|than|would|should|does|not|only|each|every|your|its)\b/i;

export function englishLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/https?:\/\/\S+|--[a-z][a-z-]*/g, '').trim())
    .filter((line) => ENGLISH_MARKERS.test(line));
}
