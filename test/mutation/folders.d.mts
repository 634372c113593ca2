export declare const FOLDERS: Record<'engine' | 'schemas' | 'store' | 'api', string[]>;
export declare function mutatePatterns(
  root: string,
  asked: string[],
): { ok: true; folders: string[]; patterns: string[] } | { ok: false; message: string };
