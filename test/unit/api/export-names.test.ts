import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../../src-main/engine/index.js';
import { ok, tempStore } from '../helpers/temp.js';

const saas = findTemplate('saas-startup')!.inputs;

describe('export file names', () => {
  it('names a sweep after the plan, or "sizing" when it has no name', async () => {
    const { ctx } = tempStore();
    const sweep = {
      inputs: saas,
      field: 'concurrency' as const,
      from: 100,
      to: 1000,
      points: 3,
      format: 'csv' as const,
      lang: 'en' as const,
    };
    const unnamed = await ok(ctx, 'export.sweep', sweep);
    const named = await ok(ctx, 'export.sweep', { ...sweep, name: 'Acme chat' });
    expect([unnamed.fileName, named.fileName]).toEqual(['sizing-sweep-concurrency.csv', 'Acme-chat-sweep-concurrency.csv']);
  });
});
