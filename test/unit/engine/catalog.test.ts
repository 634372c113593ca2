import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, PRECISIONS, TEMPLATES, validateInputs, planScenario, planRegions } from '../../../src-main/engine/index.js';

const groups = {
  models: BUILT_IN_CATALOG.models,
  servers: BUILT_IN_CATALOG.servers,
  storage: BUILT_IN_CATALOG.storage,
  precisions: PRECISIONS,
};

function positiveNumbers(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'number' && !(value >= 0 && Number.isFinite(value))) out.push(path);
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) positiveNumbers(v, `${path}.${k}`, out);
}

describe('catalog integrity', () => {
  for (const [name, records] of Object.entries(groups)) {
    it(`${name}: unique lower-case ids, a source on every record, no negative figures`, () => {
      const ids = records.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of records) {
        expect(r.id).toMatch(/^[a-z0-9][a-z0-9._+-]*$/);
        expect(r.source.length).toBeGreaterThan(10);
        const bad: string[] = [];
        positiveNumbers(r, r.id, bad);
        expect(bad).toEqual([]);
      }
    });
  }

  it('holds every model, server and storage profile the specification names', () => {
    expect(BUILT_IN_CATALOG.models.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        'opt-oss-20b',
        'opt-oss-120b',
        'llama-3.1-8b',
        'llama-3.1-70b',
        'llama-3.1-405b',
        'qwen3-32b',
        'qwen3-235b-a22b',
        'deepseek-v3',
      ]),
    );
    expect(BUILT_IN_CATALOG.servers.map((s) => s.id)).toEqual([
      'dgx100',
      'dgx200',
      'dgxb200',
      'dgx300',
      'mi300x-8',
      'mi355x-8',
      'dgxa100-80',
      'dgxa100-40',
      'l40s-8',
      'h100nvl-8',
    ]);
    expect(BUILT_IN_CATALOG.storage.map((s) => s.id)).toEqual([
      'profile_default',
      'profile_network_ssd',
      'profile_cloud_object',
      'profile_ram_cache',
    ]);
    expect(PRECISIONS.find((p) => p.id === 'nvfp4')?.bytesPerValue).toBe(0.5625);
  });

  it('sliding windows never exceed the layer count; prices are ordered low ≤ high', () => {
    for (const m of BUILT_IN_CATALOG.models) if (m.slidingWindow) expect(m.slidingWindow.layers).toBeLessThanOrEqual(m.layers);
    for (const s of BUILT_IN_CATALOG.servers) expect(s.priceLowUsd).toBeLessThanOrEqual(s.priceHighUsd);
  });

  it('the five templates exist with the exact ids, validate, and size', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'saas-startup',
      'enterprise-docs',
      'public-api',
      'research-lab',
      'serverless-multi-region',
    ]);
    for (const t of TEMPLATES) {
      expect(validateInputs(t.inputs, BUILT_IN_CATALOG)).toEqual([]);
      if (t.regions) expect(planRegions(t.inputs, t.regions, BUILT_IN_CATALOG).feasible).toBe(true);
      else expect(planScenario(t.inputs, BUILT_IN_CATALOG).feasible).toBe(true);
    }
  });

  it('every recommendation has both languages (recommendation-figures.test.ts checks the figures)', () => {
    for (const t of TEMPLATES) {
      for (const r of planScenario(t.inputs, BUILT_IN_CATALOG).recommendations) {
        expect(r.message.en.length).toBeGreaterThan(10);
        expect(r.message['pt-BR'].length).toBeGreaterThan(10);
        expect(r.message['pt-BR']).not.toBe(r.message.en);
        expect(['info', 'warning', 'critical']).toContain(r.severity);
      }
    }
  });
});
