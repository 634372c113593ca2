/**
 * The one naming rule of every exported file: project, then scenario (when there is one), then what
 * the file holds, in letters, digits and dashes only, never a path: "Acme-Serverless-report.pdf",
 * "Acme-comparison.xlsx", "Acme-sweep-concurrency.csv", "Acme.json". Pure, so the renderer uses it too.
 */
export function exportFileName(parts: { project: string; scenario?: string; subject?: string }, extension: string): string {
  const named = [parts.project, parts.scenario, parts.subject].filter((p): p is string => Boolean(p));
  const stem = named
    .map((p) =>
      p
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${stem || 'sizing'}.${extension}`;
}
