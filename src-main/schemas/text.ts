import type { LocalizedText } from '../engine/types.js';
import { both } from '../i18n/text.js';
import { formatPath } from './index.js';

/** A text that cannot be accepted as it is, with the JSON path of the string at fault ('' for the whole text). */
export class TextError extends Error {
  constructor(
    public readonly path: string,
    public readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bytes as UTF-8, strictly: a leading byte-order mark is dropped, and invalid or overlong
 * sequences are refused with their byte offset instead of turning into U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    return failText('', both(`not valid UTF-8 text (byte ${at})`, `não é texto UTF-8 válido (byte ${at})`));
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629, section 4). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function validSequenceLength(b: Uint8Array, i: number): number {
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  const first = b[i]!;
  if (first < 0x80) return 1;
  if (first >= 0xc2 && first <= 0xdf) return cont(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const second = b[i + 1] ?? 0;
    // E0 needs A0..BF (no overlongs), ED needs 80..9F (no surrogates).
    if ((first === 0xe0 && second < 0xa0) || (first === 0xed && second > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const second = b[i + 1] ?? 0;
    // F0 needs 90..BF (no overlongs), F4 needs 80..8F (nothing above U+10FFFF).
    if ((first === 0xf0 && second < 0x90) || (first === 0xf4 && second > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function failText(path: string, text: LocalizedText): never {
  throw new TextError(path, text);
}

/**
 * Refuses a lone UTF-16 surrogate anywhere in a parsed JSON value (strings and keys): JSON's
 * "\ud800" escape would otherwise reach SQLite and be stored as invalid UTF-8.
 */
export function assertWellFormedText(value: unknown): void {
  const path = illFormedPath(value);
  if (path)
    failText(
      formatPath(path),
      both('contains a lone UTF-16 surrogate (not valid Unicode text)', 'contém um surrogate UTF-16 isolado (não é texto Unicode válido)'),
    );
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
}

/**
 * The path of the first string or key that is not well-formed UTF-16. Walks with its own stack and
 * parent links, not recursion: a file of arrays nested 100,000 deep is refused for its shape, not
 * by a stack overflow, and a path is built only for the string at fault.
 */
function illFormedPath(root: unknown): (string | number)[] | null {
  const stack: Visit[] = [{ value: root, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value } = visit;
    if (typeof value === 'string') {
      if (!isWellFormed(value)) return pathOf(visit);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: visit });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [key] of entries) if (!isWellFormed(key)) return pathOf(visit);
      // Pushed last to first, so the first problem in the document's order is the one reported.
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: visit });
    }
  }
  return null;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.unshift(at.key);
  return path;
}
