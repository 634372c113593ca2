/**
 * Validation of what the renderer asks the file dialogs for. Pure (no Electron), so Vitest covers
 * it: the renderer is treated as untrusted input even though it is our own code.
 */
import { z } from 'zod';
import type { FileFilter, SaveFileRequest } from '../api/bridge.js';

export const MAX_OPEN_BYTES = 50 * 1024 * 1024;
export const MAX_OPEN_MB = MAX_OPEN_BYTES / (1024 * 1024);
/** Exports are reports and diagrams; base64 of 100 MB is far beyond any of them. */
const MAX_SAVE_CHARS = 140 * 1024 * 1024;

const filterSchema = z.strictObject({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/, { error: 'an extension is letters and digits, without the dot' }))
    .min(1)
    .max(20),
});

export const filtersSchema: z.ZodType<FileFilter[]> = z.array(filterSchema).max(20);

export const saveRequestSchema: z.ZodType<SaveFileRequest> = z
  .strictObject({
    defaultName: z.string().max(255),
    data: z.string().max(MAX_SAVE_CHARS),
    encoding: z.enum(['utf8', 'base64']),
    filters: filtersSchema,
  })
  .refine((r) => r.encoding === 'utf8' || /^[A-Za-z0-9+/]*={0,2}$/.test(r.data), { error: 'data is not valid base64', path: ['data'] });

/** Parses or throws an Error naming the field, which the renderer sees as a rejected promise. */
export function parseDialogInput<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${what}: ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`);
}

/** The suggested name reduced to a plain file name: no folders, no characters Windows forbids. */
export function safeFileName(name: string, fallback = 'export'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[<>:"|?*\u0000-\u001f]/g, '')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 200);
  return cleaned === '' ? fallback : cleaned;
}

/** The bytes to write: text as UTF-8, binary exports decoded from base64. */
export function saveBytes(request: SaveFileRequest): Buffer {
  return Buffer.from(request.data, request.encoding);
}
