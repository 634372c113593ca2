/** The most log text the API reads: a start-up log is a few hundred lines; the web host's body limit is 1 MiB. */
export const MAX_LOG_TEXT_CHARS = 1_000_000;

/**
 * The start of a long log, cut at the end of a line: an engine writes its start-up lines first, so a
 * log that ran for days still calibrates from its beginning. `lines` counts the lines kept.
 */
export function startOfLog(text: string, maxChars = MAX_LOG_TEXT_CHARS): { text: string; trimmed: boolean; lines: number } {
  if (text.length <= maxChars) return { text, trimmed: false, lines: text.split('\n').length };
  const cut = text.lastIndexOf('\n', maxChars);
  const kept = text.slice(0, cut > 0 ? cut : maxChars);
  return { text: kept, trimmed: true, lines: kept.split('\n').length };
}
