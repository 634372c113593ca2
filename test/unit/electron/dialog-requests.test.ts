import { describe, expect, it } from 'vitest';
import { filtersSchema, parseDialogInput, safeFileName, saveBytes, saveRequestSchema } from '../../../src-main/electron/dialog-requests.js';

const csv = { name: 'CSV', extensions: ['csv'] };
const request = { defaultName: 'results.csv', data: 'a,b\n1,2\n', encoding: 'utf8', filters: [csv] };

describe('save requests', () => {
  it('accepts a well-formed request', () => {
    expect(parseDialogInput(saveRequestSchema, request, 'saveFile')).toEqual(request);
  });

  it.each([
    ['an unknown encoding', { ...request, encoding: 'latin1' }, /encoding/],
    ['data that is not text', { ...request, data: 42 }, /data/],
    ['invalid base64', { ...request, encoding: 'base64', data: 'not base64!' }, /data: data is not valid base64/],
    ['an extension with a dot', { ...request, filters: [{ name: 'CSV', extensions: ['.csv'] }] }, /filters\.0\.extensions\.0/],
    ['an extra field', { ...request, path: '/etc/passwd' }, /saveFile/],
    ['nothing at all', undefined, /saveFile/],
  ])('refuses %s', (_name, raw, message) => {
    expect(() => parseDialogInput(saveRequestSchema, raw, 'saveFile')).toThrow(message);
  });

  it('writes text as UTF-8 and decodes binary from base64', () => {
    expect(saveBytes({ ...request, data: 'região', encoding: 'utf8' }).toString('hex')).toBe(Buffer.from('região', 'utf8').toString('hex'));
    expect([...saveBytes({ ...request, data: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64'), encoding: 'base64' })]).toEqual([
      0x89, 0x50, 0x4e, 0x47,
    ]);
  });
});

describe('open filters', () => {
  it('accepts named filters and the * wildcard', () => {
    expect(
      parseDialogInput(
        filtersSchema,
        [
          { name: 'Project', extensions: ['json'] },
          { name: 'All', extensions: ['*'] },
        ],
        'openFile',
      ),
    ).toHaveLength(2);
  });

  it('refuses a filter without extensions', () => {
    expect(() => parseDialogInput(filtersSchema, [{ name: 'Nothing', extensions: [] }], 'openFile')).toThrow(/openFile: 0\.extensions/);
  });
});

describe('safeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../.bashrc', 'bashrc'],
    ['/etc/passwd', 'passwd'],
    ['C:\\Windows\\system.ini', 'system.ini'],
    ['a<b>c:d"e|f?g*h.csv', 'abcdefgh.csv'],
    ['line\nbreak.csv', 'linebreak.csv'],
    ['Cenário região.svg', 'Cenário região.svg'],
    ['', 'export'],
    ['...', 'export'],
  ])('%j becomes %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('caps the length', () => {
    expect(safeFileName('x'.repeat(500))).toHaveLength(200);
  });
});
