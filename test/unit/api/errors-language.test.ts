import { describe, expect, it } from 'vitest';
import { callApi, createApiContext, type ApiContext } from '../../../src-main/api/index.js';
import { findTemplate } from '../../../src-main/engine/index.js';
import { startWebHost } from '../../../src-main/web/server.js';
import { rawRequest } from '../helpers/serve.js';
import { ok, tempStore } from '../helpers/temp.js';

const saas = findTemplate('saas-startup')!.inputs;

/** English words that never belong in a Portuguese message (ids, paths and figures aside). */
const ENGLISH =
  /\b(is|not|allowed|expected|already|exists|must|required|file|number|between|at least|at most|unknown|invalid|the|of|with|named)\b/;

/** Strips what is the same in every language: JSON paths, quoted values, ids and lists of ids. */
function words(message: string): string {
  return message
    .replace(/"[^"]*"/g, '')
    .replace(/[\w.[\]]+(?=: )/g, '')
    .replace(/\b(um de|one of) [\w.+\-, ]+/g, '')
    .replace(/\b[a-z]+[A-Z]\w*\b/g, '');
}

/** Calls that fail for every kind of reason a person can meet: validation, conflicts, imports, refusals, sweeps. */
async function failingCalls(ctx: ApiContext): Promise<Array<[string, string, unknown]>> {
  const project = await ok(ctx, 'projects.create', { name: 'Acme' });
  const scenario = await ok(ctx, 'scenarios.create', { projectId: project.id, name: 'Base', inputs: saas });
  const file = (await ok(ctx, 'projects.export', { id: project.id })) as { scenarios: { inputs: Record<string, unknown> }[] };
  const badFile = structuredClone(file);
  badFile.scenarios[0]!.inputs.modelId = 'gpt-9';
  return [
    ['empty name', 'projects.create', { name: '  ' }],
    ['name too long', 'projects.create', { name: 'x'.repeat(201) }],
    ['name with a line break', 'projects.create', { name: 'a\nb' }],
    ['missing field', 'projects.rename', { id: project.id }],
    ['unknown field', 'projects.create', { name: 'Z', colour: 'red' }],
    ['not a number', 'scenarios.get', { id: 'one' }],
    ['number below its limit', 'scenarios.create', { projectId: project.id, name: 'N', inputs: { ...saas, concurrency: 0 } }],
    ['number above its limit', 'scenarios.create', { projectId: project.id, name: 'N', inputs: { ...saas, kvBudgetRatio: 2 } }],
    ['not a whole number', 'scenarios.create', { projectId: project.id, name: 'N', inputs: { ...saas, concurrency: 1.5 } }],
    ['not one of the choices', 'scenarios.create', { projectId: project.id, name: 'N', inputs: { ...saas, kvPrecision: 'fp4' } }],
    ['unknown model', 'scenarios.create', { projectId: project.id, name: 'N', inputs: { ...saas, modelId: 'gpt-9' } }],
    [
      'context above the model',
      'scenarios.create',
      { projectId: project.id, name: 'N', inputs: { ...saas, effectiveContextTokens: 10_000_000 } },
    ],
    ['conflict: project', 'projects.create', { name: 'acme' }],
    ['conflict: scenario', 'scenarios.create', { projectId: project.id, name: 'base', inputs: saas }],
    ['not found', 'projects.delete', { id: 999 }],
    ['variant of a variant', 'variants.delete', { id: scenario.id }],
    ['import: a path inside the file', 'projects.import', { file: badFile }],
    ['import: not a project file', 'projects.import', { text: '{"format": "other"}' }],
    ['import: not JSON', 'projects.import', { text: '{ nope' }],
    ['import: wrong schema version', 'projects.import', { file: { ...file, schemaVersion: 9 } }],
    ['lone surrogate', 'projects.create', { name: 'a\ud800b' }],
    [
      'custom record: bad id',
      'catalog.add',
      {
        kind: 'server',
        record: {
          id: 'Bad Id',
          name: 'X',
          gpus: 8,
          hbmGBPerGpu: 80,
          hbmBandwidthTBpsPerGpu: 3,
          nodePowerKW: 10,
          priceLowUsd: 1,
          priceHighUsd: 2,
          source: 's',
        },
      },
    ],
    [
      'custom record: built-in id',
      'catalog.add',
      {
        kind: 'server',
        record: {
          id: 'dgx200',
          name: 'X',
          gpus: 8,
          hbmGBPerGpu: 80,
          hbmBandwidthTBpsPerGpu: 3,
          nodePowerKW: 10,
          priceLowUsd: 1,
          priceHighUsd: 2,
          source: 's',
        },
      },
    ],
    [
      'custom record: prices inverted',
      'catalog.add',
      {
        kind: 'server',
        record: {
          id: 'x8',
          name: 'X',
          gpus: 8,
          hbmGBPerGpu: 80,
          hbmBandwidthTBpsPerGpu: 3,
          nodePowerKW: 10,
          priceLowUsd: 5,
          priceHighUsd: 2,
          source: 's',
        },
      },
    ],
    ['template unknown', 'templates.createScenario', { projectId: project.id, templateId: 'nope' }],
    ['sweep: from above to', 'sizing.sweep', { inputs: saas, field: 'concurrency', from: 10, to: 1, points: 10 }],
    ['sweep: outside the limits', 'sizing.sweep', { inputs: saas, field: 'kvBudgetRatio', from: 0.5, to: 1.5, points: 10 }],
    ['sweep: too many points', 'sizing.sweep', { inputs: saas, field: 'concurrency', from: 1, to: 10, points: 1_000_000 }],
    ['unknown method', 'projects.frobnicate', {}],
  ];
}

describe("errors in the caller's language", () => {
  it('every kind of refusal comes back in Portuguese with lang pt-BR, and in English by default, with the same code and field', async () => {
    const { ctx } = tempStore();
    const calls = await failingCalls(ctx);
    for (const [name, method, input] of calls) {
      const en = await callApi(ctx, method, input);
      const pt = await callApi(ctx, method, input, { lang: 'pt-BR' });
      expect(en.ok, name).toBe(false);
      expect(pt.ok, name).toBe(false);
      if (en.ok || pt.ok) continue;
      expect(pt.error.code, name).toBe(en.error.code);
      expect(pt.error.field, name).toBe(en.error.field);
      expect(pt.error.message, `${name}: the Portuguese differs from the English`).not.toBe(en.error.message);
      expect(words(pt.error.message), `${name}: "${pt.error.message}"`).not.toMatch(ENGLISH);
      if (process.env.SHOW) console.log(pt.error.message, ' || ', en.error.message);
      expect(pt.error.message.split('\n'), name).toHaveLength(1);
    }
    expect(calls.length).toBeGreaterThanOrEqual(25);
  });

  it('reads naturally: limits, conflicts and import paths', async () => {
    const { ctx } = tempStore();
    const project = await ok(ctx, 'projects.create', { name: 'Acme' });
    const pt = async (method: string, input: unknown) => {
      const r = await callApi(ctx, method, input, { lang: 'pt-BR' });
      return r.ok ? '' : r.error.message;
    };
    expect(await pt('scenarios.create', { projectId: project.id, name: 'N', inputs: { ...saas, concurrency: 0 } })).toBe(
      'inputs.concurrency: esperado um número no mínimo 1',
    );
    expect(await pt('projects.create', { name: 'ACME' })).toBe('já existe um projeto chamado "ACME"');
    expect(await pt('projects.create', { name: '' })).toBe('name: não pode ficar vazio');
    expect(
      await pt('projects.import', {
        text:
          '{"format":"llm-sizing-planner/project","schemaVersion":1,"project":{"name":"P"},"scenarios":[{"key":"a","name":"A","inputs":' +
          JSON.stringify({ ...saas, modelId: 'gpt-9' }) +
          '}]}',
      }),
    ).toMatch(/^arquivo de projeto: scenarios\[0\]\.inputs\.modelId: "gpt-9" não é permitido; esperado um de opt-oss-20b, /);
  });

  it('the web host answers in the language of Accept-Language', async () => {
    const { store } = tempStore();
    const host = await startWebHost({
      api: (method, input, options) => callApi(createApiContext(store), method, input, options),
      token: 'tok',
    });
    try {
      const ask = (lang: string) =>
        rawRequest(host.port, {
          path: '/api/projects.create',
          headers: {
            'Content-Type': 'application/json',
            Authorization: 'Bearer tok',
            Host: `127.0.0.1:${host.port}`,
            'Accept-Language': lang,
          },
          body: JSON.stringify({ name: '' }),
        });
      expect(JSON.parse((await ask('pt-BR')).body).error.message).toBe('name: não pode ficar vazio');
      expect(JSON.parse((await ask('pt-BR,pt;q=0.9,en;q=0.8')).body).error.message).toBe('name: não pode ficar vazio');
      expect(JSON.parse((await ask('en-GB')).body).error.message).toBe('name: must not be empty');
    } finally {
      await host.close();
    }
  });
});
