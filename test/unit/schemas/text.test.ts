import { describe, expect, it } from 'vitest';
import { assertWellFormedText, decodeUtf8, TextError } from '../../../src-main/schemas/text.js';

/** The refusal a call throws, as [path, English, Portuguese]. */
function refusalOf(call: () => unknown): [string, string, string] {
  try {
    call();
  } catch (error) {
    if (!(error instanceof TextError)) throw error;
    return [error.path, error.text.en, error.text['pt-BR']];
  }
  throw new Error('expected a refusal');
}

/** The byte offset a refused file names. */
function badByte(bytes: number[]): number {
  const [path, en] = refusalOf(() => decodeUtf8(Uint8Array.from(bytes)));
  expect(path).toBe('');
  return Number(/byte (\d+)\)$/.exec(en)![1]);
}

// Every valid sequence length, at both ends of each lead byte's range and of the second byte's
// narrowed ranges (RFC 3629 §4: E0 A0, ED 9F, F0 90, F4 8F), so a problem after them is found at
// its true offset: 1 + 2 + 2 + 3·4 + 4·3 = 29 bytes.
const VALID = [
  [0x61],
  [0xc2, 0x80],
  [0xdf, 0xbf],
  [0xe0, 0xa0, 0x80],
  [0xe1, 0x80, 0x80],
  [0xed, 0x9f, 0xbf],
  [0xef, 0xbf, 0xbf],
  [0xf0, 0x90, 0x80, 0x80],
  [0xf1, 0x80, 0x80, 0x80],
  [0xf4, 0x8f, 0xbf, 0xbf],
].flat();

describe('UTF-8 files', () => {
  it('decodes every sequence length and drops a leading byte-order mark', () => {
    expect(decodeUtf8(Uint8Array.from(VALID))).toBe('a\u0080\u07ff\u0800\u1000\ud7ff\uffff\u{10000}\u{40000}\u{10ffff}');
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('{}');
  });

  it('refuses invalid bytes in both languages, naming the offset of the first', () => {
    expect(refusalOf(() => decodeUtf8(Uint8Array.from([0x7b, 0xff, 0x7d])))).toEqual([
      '',
      'not valid UTF-8 text (byte 1)',
      'não é texto UTF-8 válido (byte 1)',
    ]);
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['continuation bytes with no lead', [0x80, 0x80, 0x80, 0x80]],
    ['an overlong lead of C0', [0xc0, 0x80, 0x80, 0x80]],
    ['an overlong two-byte lead', [0xc1, 0xbf]],
    ['a two-byte lead before a non-continuation', [0xc2, 0x41]],
    ['an overlong three-byte sequence', [0xe0, 0x9f, 0xbf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a three-byte sequence cut short', [0xe1, 0x80, 0x41]],
    ['a three-byte sequence missing its second continuation', [0xef, 0x41, 0x80]],
    ['an overlong four-byte sequence', [0xf0, 0x8f, 0xbf, 0xbf]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a four-byte sequence cut short', [0xf1, 0x80, 0x80, 0x41]],
    ['a four-byte sequence missing its second continuation', [0xf1, 0x80, 0x41, 0x80]],
    ['a lead byte above F4', [0xf5, 0x80, 0x80, 0x80]],
    ['a lead byte of FF', [0xff]],
  ])('finds %s after valid text at its own offset', (_, bad) => {
    expect(badByte([...VALID, ...bad, 0x61])).toBe(VALID.length);
  });

  it('finds a sequence cut by the end of the file where it starts', () => {
    expect(badByte([...VALID, 0xc2])).toBe(VALID.length);
    expect(badByte([...VALID, 0xe1, 0x80])).toBe(VALID.length);
    expect(badByte([...VALID, 0xf1, 0x80, 0x80])).toBe(VALID.length);
  });
});

describe('lone UTF-16 surrogates in parsed JSON', () => {
  const lone = 'contains a lone UTF-16 surrogate (not valid Unicode text)';
  const lonePt = 'contém um surrogate UTF-16 isolado (não é texto Unicode válido)';

  it('accepts well-formed text, pairs included, and values that are not text', () => {
    expect(() => assertWellFormedText({ name: 'Emoji \ud83d\ude00', list: [1, null, true, 'ok'], n: 0 })).not.toThrow();
  });

  it('names the path of the first string with a lone surrogate, high or low, in document order', () => {
    expect(refusalOf(() => assertWellFormedText('\ud800'))).toEqual(['', lone, lonePt]);
    expect(refusalOf(() => assertWellFormedText({ scenarios: [{ name: 'ok' }, { notes: 'x\udc00' }], z: '\ud800' }))).toEqual([
      'scenarios[1].notes',
      lone,
      lonePt,
    ]);
    expect(refusalOf(() => assertWellFormedText(['ok', ['\ud83d!', '\udc00']]))[0]).toBe('[1][0]');
    expect(refusalOf(() => assertWellFormedText({ a: { b: 'x' }, c: ['\ud83dx'] }))[0]).toBe('c[0]');
  });

  it('names the object whose key holds a lone surrogate', () => {
    expect(refusalOf(() => assertWellFormedText({ project: { ['bad\ud800']: 1 } }))[0]).toBe('project');
  });
});
