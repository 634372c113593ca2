/** "Name", else "Name (2)", "Name (3)"… — the same rule the store applies to copies. Case-insensitive, like the store. */
export function freeName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLocaleLowerCase()));
  if (!used.has(base.toLocaleLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
