import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import extra from '../../accuracy/catalog-extra.json' with { type: 'json' };
import logs from '../../accuracy/startup-logs.json' with { type: 'json' };
import { startupLogInputs } from '../../accuracy/startup-log-rows.js';
import { sizing } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const EXTRA_FILE = join(import.meta.dirname, '..', '..', 'accuracy', 'catalog-extra.json');

function fileWith(content: unknown): string {
  const path = join(tempDir(), 'catalog.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** The command line of a start-up-log row (issue 8 "Done when"). */
function rowArgs(row: (typeof logs.rows)[number]): string[] {
  const i = startupLogInputs(row) as Record<string, string | number>;
  return [
    '--method',
    'engine',
    '--model',
    String(i.modelId),
    '--server',
    String(i.serverId),
    '--tp',
    String(i.tp),
    '--engine-version',
    String(i.engineVersion),
    '--gpu-memory-utilization',
    String(i.gpuMemoryUtilization),
    '--max-model-len',
    String(i.maxModelLen),
    '--effective-context',
    String(i.effectiveContextTokens),
    '--concurrency',
    '100',
    '--kv-precision',
    'auto',
    '--format',
    'json',
  ];
}

describe('sizing --catalog FILE (one run) and sizing catalog import FILE', () => {
  it('every issue-8 row works from the command line, with records from --catalog where a model is not built in', () => {
    for (const row of logs.rows.filter((r) => r.source.startsWith('issue 8'))) {
      const r = sizing([...rowArgs(row), '--catalog', EXTRA_FILE]);
      expect(r.status, r.stderr).toBe(0);
      const kv = JSON.parse(r.stdout).engine.perGpu.kvAvailableGiB;
      expect(Math.abs(kv / row.logged.kvAvailableGiB! - 1), row.id).toBeLessThan(0.03);
    }
  });

  it('refuses a bad file with one line naming the path in the file', () => {
    const bad = structuredClone(extra);
    (bad.models[1] as Record<string, unknown>).hiddenSize = -4;
    const r = sizing([...rowArgs(logs.rows[1]!), '--catalog', fileWith(bad)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^sizing: --catalog: .*catalog\.json: models\[1\]\.hiddenSize: expected a whole number at least 1 and at most 262,144 \(values\)\n$/,
    );
    expect(sizing([...rowArgs(logs.rows[1]!), '--catalog', fileWith('{ not json')]).stderr).toMatch(/^sizing: --catalog: .* is not JSON/);
    expect(sizing([...rowArgs(logs.rows[1]!), '--catalog', fileWith({ gpus: [] })]).stderr).toMatch(
      /^sizing: --catalog: .*: \(file\): unknown key "gpus"; expected models, servers, storage$/m,
    );
    expect(sizing([...rowArgs(logs.rows[1]!), '--catalog', join(tempDir(), 'missing.json')]).stderr).toMatch(
      /^sizing: --catalog: cannot read .*missing\.json \(ENOENT\)/,
    );
    const huge = {
      servers: [
        {
          id: 'big',
          name: 'big',
          gpus: 8,
          hbmGBPerGpu: 1e308,
          hbmBandwidthTBpsPerGpu: 1,
          nodePowerKW: 1,
          priceLowUsd: 1,
          priceHighUsd: 2,
          source: 'x',
        },
      ],
    };
    expect(sizing([...rowArgs(logs.rows[1]!), '--catalog', fileWith(huge)]).stderr).toMatch(
      /servers\[0\]\.hbmGBPerGpu: expected a number at least 1 and at most 10,000 \(GB\)/,
    );
  });

  it('reuses a built-in id only with --replace', () => {
    const mine = { models: [{ ...extra.models[0], id: 'llama-3.1-8b', name: 'My Llama' }] };
    const path = fileWith(mine);
    const refused = sizing([...rowArgs(logs.rows[1]!), '--catalog', path]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /models\[0\]\.id: "llama-3\.1-8b" is already a model in the catalog; choose another id, or pass --replace/,
    );
    const replaced = sizing([...rowArgs(logs.rows[1]!), '--catalog', path, '--replace']);
    expect(replaced.status).toBe(0);
    expect(JSON.parse(replaced.stdout).model.name).toBe('My Llama');
  });

  it('sizing optimise searches a model of the file too; a bad file is one line naming its path', () => {
    const search = ['optimise', '--model', 'qwen2-7b', '--servers', 'dgxa100-80', '--concurrency', '100', '--effective-context', '8192'];
    const found = sizing([...search, '--catalog', EXTRA_FILE, '--format', 'json']);
    expect(found.stderr).toBe('');
    expect(JSON.parse(found.stdout).plans[0].inputs.modelId).toBe('qwen2-7b');
    expect(sizing(search).status).toBe(2);
    const bad = sizing([...search, '--catalog', fileWith({ models: [{ ...extra.models[0], hiddenSize: -1 }] })]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^sizing: --catalog: .*catalog\.json: models\[0\]\.hiddenSize: /);
  });

  it('catalog import stores the records (all or nothing) and sizing with --db then finds them', () => {
    const db = join(tempDir(), 'p.db');
    const first = sizing(['catalog', 'import', EXTRA_FILE, '--db', db]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`${extra.models.length + extra.servers.length} added, 0 replaced`);
    const again = sizing(['catalog', 'import', EXTRA_FILE, '--db', db]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/models\[0\]\.id: your model "qwen2-7b" is already stored; import with replace to update it/);
    expect(sizing(['catalog', 'import', EXTRA_FILE, '--db', db, '--replace']).stdout).toContain(
      `0 added, ${extra.models.length + extra.servers.length} replaced`,
    );
    const builtIn = sizing(['catalog', 'import', fileWith({ models: [{ ...extra.models[0], id: 'llama-3.1-8b' }] }), '--db', db]);
    expect(builtIn.stderr).toMatch(/models\[0\]\.id: "llama-3\.1-8b" is a built-in model/);
    const bad = structuredClone(extra);
    (bad.models[0] as Record<string, unknown>).vocabSize = 'many';
    expect(sizing(['catalog', 'import', fileWith(bad), '--db', db]).stderr).toMatch(
      /^sizing: catalog import: .*models\[0\]\.vocabSize: expected a number \(tokens\)/,
    );
  });
});
