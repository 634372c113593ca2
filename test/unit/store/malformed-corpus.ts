import { TEMPLATES } from '../../../src-main/engine/index.js';

/**
 * Malformed project files, as bytes, each with the JSON path its refusal must name ('file' for the
 * file as a whole). Grouped by what goes wrong: encoding, JSON, shape, every input field, names and
 * notes, custom records, and what only the whole file can tell (keys, variants, the catalog).
 */
interface MalformedFile {
  group: string;
  name: string;
  bytes: Buffer;
  /** The refused field, as the API names it ("file.scenarios[0].name", or "file" for the whole file). */
  field: RegExp;
}

const saas = TEMPLATES[0]!.inputs;
const customServer = {
  id: 'h20-8',
  name: '8× H20',
  gpus: 8,
  hbmGBPerGpu: 96,
  hbmBandwidthTBpsPerGpu: 4,
  nodePowerKW: 8,
  priceLowUsd: 1,
  priceHighUsd: 2,
  source: 'quote',
};
const customModel = {
  id: 'acme-13b',
  name: 'Acme 13B',
  layers: 40,
  queryHeads: 40,
  attention: { kind: 'gqa', kvHeads: 8, headDim: 128 },
  paramsTotalB: 13,
  paramsActiveB: 13,
  weightsGiB: 26,
  weightsFormat: 'bf16',
  maxContextTokens: 32768,
  source: 'model card',
};
const customStorage = { id: 'nfs-slow', name: 'Slow NFS', readThroughputGBps: 0.5, firstByteLatencyS: 0.01, source: 'measured' };

/** A valid file: a scenario with regions on a custom server, its variant, and one custom record of each kind. */
export function validProject(): any {
  return structuredClone({
    format: 'llm-sizing-planner/project',
    schemaVersion: 1,
    project: { name: 'Shared plan' },
    scenarios: [
      {
        key: 'a',
        name: 'Base',
        notes: 'two\nlines',
        variantOf: null,
        inputs: { ...saas, serverId: 'h20-8' },
        regions: [{ name: 'EU', concurrency: 500, overrides: {} }],
      },
      {
        key: 'b',
        name: 'fp16',
        notes: '',
        variantOf: 'a',
        inputs: { ...saas, kvPrecision: 'fp16', modelId: 'acme-13b', effectiveContextTokens: 8192, storageId: 'nfs-slow' },
        regions: [],
      },
    ],
    customRecords: { models: [customModel], servers: [customServer], storage: [customStorage], prices: [] },
  });
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
const mutate = (change: (f: any) => void) => {
  const f = validProject();
  change(f);
  return json(f);
};
/** The valid file with `raw` (bytes or JSON text, written as is) in place of the first scenario's name. */
function rawName(raw: Buffer | string): Buffer {
  const [before, after] = JSON.stringify(validProject()).split('"Base"') as [string, string];
  return Buffer.concat([Buffer.from(`${before}"`), typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw, Buffer.from(`"${after}`)]);
}

const cases: MalformedFile[] = [];
const add = (group: string, name: string, bytes: Buffer, field: RegExp) => cases.push({ group, name, bytes, field });
const at = (path: string) => new RegExp(`^file\\.${path.replace(/[.[\]]/g, '\\$&')}$`);
const WHOLE = /^file$/;

// Encoding: strict UTF-8, refused with the byte offset, never stored as U+FFFD.
for (const [name, bytes] of [
  ['two invalid bytes', [0xff, 0xfe]],
  ['a lone continuation byte', [0x80]],
  ['a continuation byte after ASCII', [0x41, 0xbf]],
  ['overlong "/" (2 bytes)', [0xc0, 0xaf]],
  ['overlong NUL (2 bytes)', [0xc0, 0x80]],
  ['overlong "/" (3 bytes)', [0xe0, 0x80, 0xaf]],
  ['overlong (4 bytes)', [0xf0, 0x80, 0x80, 0xaf]],
  ['UTF-8 encoded high surrogate', [0xed, 0xa0, 0x80]],
  ['UTF-8 encoded low surrogate', [0xed, 0xbf, 0xbf]],
  ['truncated 2-byte sequence', [0xc3]],
  ['truncated 3-byte sequence', [0xe2, 0x82]],
  ['truncated 4-byte sequence', [0xf0, 0x9f, 0x98]],
  ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ['F5 lead byte', [0xf5, 0x80, 0x80, 0x80]],
  ['Latin-1 "é"', [0xe9]],
] as const) {
  add('encoding', name, rawName(Buffer.from([0x42, ...bytes, 0x43])), WHOLE);
}
add(
  'encoding',
  'UTF-16 LE with its byte-order mark',
  Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(validProject()), 'utf16le')]),
  WHOLE,
);
add(
  'encoding',
  'UTF-16 BE with its byte-order mark',
  Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(JSON.stringify(validProject()), 'utf16le').swap16()]),
  WHOLE,
);
add('encoding', 'a UTF-8 BOM, then invalid bytes', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), rawName(Buffer.from([0xff]))]), WHOLE);
add('encoding', 'a lone high surrogate escape in a name', rawName('\\ud800'), at('scenarios[0].name'));
add('encoding', 'a lone low surrogate escape in a name', rawName('\\udc00x'), at('scenarios[0].name'));
add('encoding', 'a reversed surrogate pair', rawName('\\udc00\\ud800'), at('scenarios[0].name'));
add(
  'encoding',
  'a lone surrogate in the project name',
  mutate((f) => (f.project.name = 'P\ud83d')),
  at('project.name'),
);
add(
  'encoding',
  'a lone surrogate in notes',
  mutate((f) => (f.scenarios[1].notes = 'x\udfff')),
  at('scenarios[1].notes'),
);
add(
  'encoding',
  'a lone surrogate in a record source',
  mutate((f) => (f.customRecords.servers[0].source = '\ud800')),
  at('customRecords.servers[0].source'),
);
add(
  'encoding',
  'a lone surrogate in a key name',
  Buffer.from(JSON.stringify(validProject()).replace('"exportedAt"', '"\\ud800"').replace('{"format"', '{"\\ud800":1,"format"'), 'utf8'),
  WHOLE,
);

// JSON syntax.
for (const [name, text] of [
  ['an empty file', ''],
  ['only spaces', '   \n'],
  ['a truncated document', JSON.stringify(validProject()).slice(0, 200)],
  ['a trailing comma', JSON.stringify(validProject()).replace(/}$/, ',}')],
  ['single quotes', "{'format': 'llm-sizing-planner/project'}"],
  ['a NaN literal', JSON.stringify(validProject()).replace('"concurrency":1000', '"concurrency":NaN')],
  ['an Infinity literal', JSON.stringify(validProject()).replace('"concurrency":1000', '"concurrency":Infinity')],
  ['a comment', `// exported\n${JSON.stringify(validProject())}`],
  ['two documents', `${JSON.stringify(validProject())}${JSON.stringify(validProject())}`],
  ['a NUL byte after the document', `${JSON.stringify(validProject())}\u0000`],
  ['a raw line break inside a string', rawName('a\nb').toString('utf8')],
  ['a raw tab inside a string', rawName('a\tb').toString('utf8')],
  ['an invalid escape', rawName('\\x41').toString('utf8')],
  ['arrays nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
] as const) {
  add('json', name, Buffer.from(text, 'utf8'), WHOLE);
}

// The file's shape.
for (const [name, value, field] of [
  ['null', null, WHOLE],
  ['a number', 42, WHOLE],
  ['an array', [], WHOLE],
  ['a string', 'project', WHOLE],
  ['true', true, WHOLE],
  ['an empty object', {}, at('format')],
] as const) {
  add('shape', name, json(value), field);
}
add('shape', 'objects nested 100,000 deep', Buffer.from(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`, 'utf8'), at('format'));
add(
  'shape',
  'another format',
  mutate((f) => (f.format = 'other')),
  at('format'),
);
add(
  'shape',
  'schema version 3',
  mutate((f) => (f.schemaVersion = 3)),
  at('schemaVersion'),
);
add(
  'shape',
  'schema version as text',
  mutate((f) => (f.schemaVersion = '1')),
  at('schemaVersion'),
);
add(
  'shape',
  'no project',
  mutate((f) => delete f.project),
  at('project'),
);
add(
  'shape',
  'project is a string',
  mutate((f) => (f.project = 'P')),
  at('project'),
);
add(
  'shape',
  'an unknown key in project',
  mutate((f) => (f.project.colour = 'red')),
  at('project'),
);
add(
  'shape',
  'no scenarios',
  mutate((f) => delete f.scenarios),
  at('scenarios'),
);
add(
  'shape',
  'scenarios is an object',
  mutate((f) => (f.scenarios = {})),
  at('scenarios'),
);
add(
  'shape',
  'a scenario is null',
  mutate((f) => (f.scenarios[0] = null)),
  at('scenarios[0]'),
);
add(
  'shape',
  'a scenario without key',
  mutate((f) => delete f.scenarios[0].key),
  at('scenarios[0].key'),
);
add(
  'shape',
  'an empty scenario key',
  mutate((f) => (f.scenarios[0].key = '')),
  at('scenarios[0].key'),
);
add(
  'shape',
  'a scenario without inputs',
  mutate((f) => delete f.scenarios[0].inputs),
  at('scenarios[0].inputs'),
);
add(
  'shape',
  'an unknown input',
  mutate((f) => (f.scenarios[0].inputs.turbo = true)),
  at('scenarios[0].inputs'),
);
add(
  'shape',
  'an unknown scenario key',
  mutate((f) => (f.scenarios[0].tags = ['x'])),
  at('scenarios[0]'),
);
add(
  'shape',
  'an unknown top-level key',
  mutate((f) => (f.extra = 1)),
  WHOLE,
);
add(
  'shape',
  'exportedAt is a number',
  mutate((f) => (f.exportedAt = 5)),
  at('exportedAt'),
);
add(
  'shape',
  'regions is a string',
  mutate((f) => (f.scenarios[0].regions = 'EU')),
  at('scenarios[0].regions'),
);
add(
  'shape',
  'customRecords is an array',
  mutate((f) => (f.customRecords = [])),
  at('customRecords'),
);
add(
  'shape',
  'customRecords.servers is an object',
  mutate((f) => (f.customRecords.servers = {})),
  at('customRecords.servers'),
);
add(
  'shape',
  'variantOf is a number',
  mutate((f) => (f.scenarios[1].variantOf = 1)),
  at('scenarios[1].variantOf'),
);

// Every number an input carries: the wrong type, and out of its range.
const NUMBERS: Array<[string, unknown[]]> = [
  ['concurrency', [-5, 0, 1.5, 1e300, 'NaN', null]],
  ['effectiveContextTokens', [0, -1, 2.5, 'Infinity']],
  ['kvBudgetRatio', [0, 2, -0.1, '0.7']],
  ['runtimeOverheadGiB', [-1, 1e300]],
  ['peakHeadroomRatio', [-0.2, 11]],
  ['pricePerNodeUsd', [-1, 1e308]],
  ['years', [0, -3, 51]],
  ['pue', [0.5, 6]],
  ['kwhPriceUsd', [-0.1, 101]],
  ['coldStartTargetS', [0, 86_401]],
  ['engineInitS', [-1, 1e9]],
  ['availabilityTarget', [1, 0, 99.9]],
  ['podSize', [0, 1.5, 1001]],
  ['hbmAlertRatio', [0, 1.5]],
  ['scaleUpRatio', [0, 2]],
  ['scaleDownRatio', [-1, 1.5]],
  ['scaleDownMinutes', [-1, 10_001]],
];
for (const [field, values] of NUMBERS) {
  for (const value of values)
    add(
      'inputs',
      `${field} = ${JSON.stringify(value)}`,
      mutate((f) => (f.scenarios[0].inputs[field] = value)),
      at(`scenarios[0].inputs.${field}`),
    );
}
for (const [field, value] of [
  ['kvPrecision', 'fp4'],
  ['ha', 'n+5'],
  ['memoryBasis', 'guess'],
  ['method', 'replica'],
  ['modelId', ''],
  ['serverId', 7],
] as const) {
  add(
    'inputs',
    `${field} = ${JSON.stringify(value)}`,
    mutate((f) => (f.scenarios[0].inputs[field] = value)),
    at(`scenarios[0].inputs.${field}`),
  );
}

// Names and notes: one line each, no control characters, trimmed and NFC before they are compared.
const BAD_NAMES: Array<[string, string]> = [
  ['NUL', 'a\u0000b'],
  ['a line break', 'a\nb'],
  ['a carriage return', 'a\rb'],
  ['a tab', 'a\tb'],
  ['an escape', 'a\u001bb'],
  ['DEL', 'a\u007fb'],
  ['C1 next line', 'a\u0085b'],
  ['line separator', 'a\u2028b'],
  ['paragraph separator', 'a\u2029b'],
  ['right-to-left override', 'a\u202eb'],
  ['empty', ''],
  ['only spaces', '   '],
  ['201 characters', 'x'.repeat(201)],
  ['a number', 7 as unknown as string],
];
for (const [name, value] of BAD_NAMES) {
  add(
    'names',
    `project name: ${name}`,
    mutate((f) => (f.project.name = value)),
    at('project.name'),
  );
  add(
    'names',
    `scenario name: ${name}`,
    mutate((f) => (f.scenarios[1].name = value)),
    at('scenarios[1].name'),
  );
  add(
    'names',
    `region name: ${name}`,
    mutate((f) => (f.scenarios[0].regions[0].name = value)),
    at('scenarios[0].regions[0].name'),
  );
}
add(
  'names',
  'record name: a line break',
  mutate((f) => (f.customRecords.servers[0].name = 'x\ny')),
  at('customRecords.servers[0].name'),
);
add(
  'names',
  'notes: NUL',
  mutate((f) => (f.scenarios[0].notes = 'a\u0000')),
  at('scenarios[0].notes'),
);
add(
  'names',
  'notes: a bell',
  mutate((f) => (f.scenarios[0].notes = 'a\u0007')),
  at('scenarios[0].notes'),
);
add(
  'names',
  'notes: 20,001 characters',
  mutate((f) => (f.scenarios[0].notes = 'n'.repeat(20_001))),
  at('scenarios[0].notes'),
);
add(
  'names',
  'the same name twice, in another case',
  mutate((f) => (f.scenarios[1].name = 'BASE')),
  at('scenarios[1].name'),
);
add(
  'names',
  'the same name twice, once with spaces around',
  mutate((f) => (f.scenarios[1].name = '  Base ')),
  at('scenarios[1].name'),
);
add(
  'names',
  'the same name twice, decomposed and composed',
  mutate((f) => {
    f.scenarios[0].name = 'Caf\u00e9';
    f.scenarios[1].name = 'Cafe\u0301';
  }),
  at('scenarios[1].name'),
);

// Custom records: every number within its physical range, ids, sources, consistency.
for (const [field, value] of [
  ['gpus', -8],
  ['gpus', 0],
  ['gpus', 2.5],
  ['hbmGBPerGpu', 1e308],
  ['hbmGBPerGpu', 0],
  ['priceLowUsd', -1],
  ['priceHighUsd', 1e308],
  ['nodePowerKW', 0],
  ['hbmBandwidthTBpsPerGpu', 5e-324],
  ['measuredMiBPerGpu', -1],
] as const) {
  add(
    'records',
    `server ${field} = ${value}`,
    mutate((f) => (f.customRecords.servers[0][field] = value)),
    at(`customRecords.servers[0].${field}`),
  );
}
for (const [field, value] of [
  ['layers', 0],
  ['queryHeads', 1e9],
  ['weightsGiB', 0],
  ['maxContextTokens', 1e12],
  ['paramsTotalB', -1],
] as const) {
  add(
    'records',
    `model ${field} = ${value}`,
    mutate((f) => (f.customRecords.models[0][field] = value)),
    at(`customRecords.models[0].${field}`),
  );
}
add(
  'records',
  'model attention kind unknown',
  mutate((f) => (f.customRecords.models[0].attention = { kind: 'mqa' })),
  /^file\.customRecords\.models\[0\]\.attention(\.kind)?$/,
);
add(
  'records',
  'model active parameters above the total',
  mutate((f) => (f.customRecords.models[0].paramsActiveB = 14)),
  at('customRecords.models[0].paramsActiveB'),
);
add(
  'records',
  'storage throughput 5e-324',
  mutate((f) => (f.customRecords.storage[0].readThroughputGBps = 5e-324)),
  at('customRecords.storage[0].readThroughputGBps'),
);
add(
  'records',
  'storage latency negative',
  mutate((f) => (f.customRecords.storage[0].firstByteLatencyS = -1)),
  at('customRecords.storage[0].firstByteLatencyS'),
);
add(
  'records',
  'server prices inverted',
  mutate((f) => Object.assign(f.customRecords.servers[0], { priceLowUsd: 5, priceHighUsd: 1 })),
  at('customRecords.servers[0].priceHighUsd'),
);
add(
  'records',
  'server without source',
  mutate((f) => delete f.customRecords.servers[0].source),
  at('customRecords.servers[0].source'),
);
add(
  'records',
  'server id with spaces',
  mutate((f) => (f.customRecords.servers[0].id = 'Bad Id!')),
  at('customRecords.servers[0].id'),
);
add(
  'records',
  'server id shadows a built-in',
  mutate((f) => f.customRecords.servers.push({ ...customServer, id: 'dgx200' })),
  at('customRecords.servers[1].id'),
);
add(
  'records',
  'model id shadows a built-in',
  mutate((f) => (f.customRecords.models[0].id = 'opt-oss-20b')),
  at('customRecords.models[0].id'),
);
add(
  'records',
  'an unknown record field',
  mutate((f) => (f.customRecords.storage[0].colour = 'red')),
  at('customRecords.storage[0]'),
);

// What only the whole file can tell: keys, variants, and sizing against the catalog it brings.
add(
  'file',
  'two scenarios with one key',
  mutate((f) => (f.scenarios[1].key = 'a')),
  at('scenarios[1].key'),
);
add(
  'file',
  'a variant of an unknown key',
  mutate((f) => (f.scenarios[1].variantOf = 'zzz')),
  at('scenarios[1].variantOf'),
);
add(
  'file',
  'a variant of a variant',
  mutate((f) => f.scenarios.push({ ...f.scenarios[1], key: 'c', name: 'c', variantOf: 'b' })),
  at('scenarios[2].variantOf'),
);
add(
  'file',
  'an unknown model',
  mutate((f) => (f.scenarios[0].inputs.modelId = 'gpt-9')),
  at('scenarios[0].inputs.modelId'),
);
add(
  'file',
  'an unknown server',
  mutate((f) => (f.scenarios[0].inputs.serverId = 'dgx999')),
  at('scenarios[0].inputs.serverId'),
);
add(
  'file',
  'an unknown storage',
  mutate((f) => (f.scenarios[0].inputs.storageId = 'tape')),
  at('scenarios[0].inputs.storageId'),
);
add(
  'file',
  'a custom server used but not carried',
  mutate((f) => (f.customRecords.servers = [])),
  at('scenarios[0].inputs.serverId'),
);
add(
  'file',
  'a custom model used but not carried',
  mutate((f) => (f.customRecords.models = [])),
  at('scenarios[1].inputs.modelId'),
);
add(
  'file',
  'context above the custom model',
  mutate((f) => (f.scenarios[1].inputs.effectiveContextTokens = 65_536)),
  at('scenarios[1].inputs.effectiveContextTokens'),
);
add(
  'file',
  'a measured basis with no measured figure',
  mutate((f) => (f.scenarios[0].inputs.memoryBasis = 'measured')),
  at('scenarios[0].inputs.memoryBasis'),
);
add(
  'file',
  'a region overriding an unknown model',
  mutate((f) => (f.scenarios[0].regions[0].overrides = { modelId: 'nope' })),
  at('scenarios[0].regions[0].overrides.modelId'),
);
add(
  'file',
  'a region overriding a ratio out of range',
  mutate((f) => (f.scenarios[0].regions[0].overrides = { kvBudgetRatio: 7 })),
  at('scenarios[0].regions[0].overrides.kvBudgetRatio'),
);
add(
  'file',
  'a region overriding its concurrency',
  mutate((f) => (f.scenarios[0].regions[0].overrides = { concurrency: 5 })),
  at('scenarios[0].regions[0].overrides'),
);
add(
  'file',
  'a region with concurrency 0',
  mutate((f) => (f.scenarios[0].regions[0].concurrency = 0)),
  at('scenarios[0].regions[0].concurrency'),
);
add(
  'file',
  '101 regions',
  mutate((f) => (f.scenarios[0].regions = Array.from({ length: 101 }, (_, i) => ({ name: `R${i}`, concurrency: 1, overrides: {} })))),
  at('scenarios[0].regions'),
);
add(
  'file',
  'larger than 50 MB',
  Buffer.concat([Buffer.from('{"format":"'), Buffer.alloc(51 * 1024 * 1024, 0x61), Buffer.from('"}')]),
  WHOLE,
);

export const MALFORMED_FILES: readonly MalformedFile[] = cases;
