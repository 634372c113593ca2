import { describe, expect, it } from 'vitest';
import type { ApiContext } from '../../../src-main/api/index.js';
import { reportOptimisation } from '../../../src-main/api/methods/optimise.js';
import { BUILT_IN_CATALOG } from '../../../src-main/engine/index.js';
import { LAB_SERVER as LAB, OPTIMISE_EXAMPLE as inputs } from '../helpers/records.js';
import { ok, refusedInBoth, tempStore } from '../helpers/temp.js';

const refusal = (ctx: ApiContext, input: unknown) => refusedInBoth(ctx, 'sizing.optimise', input);

// sizing.optimise and export.optimise through the real dispatcher on a real store: what a request
// searches, and its refusals word for word in both languages.

describe('sizing.optimise requests', () => {
  it('searches only the servers named, from the built-in and the user’s own records', async () => {
    const { ctx } = tempStore();
    await ok(ctx, 'catalog.add', { kind: 'server', record: { ...LAB } });
    const found = await ok(ctx, 'sizing.optimise', { inputs, serverIds: ['dgx200', LAB.id], objective: 'tco', top: 1000 });
    const servers = new Set(found.regions[0]!.result.plans.map((p) => p.inputs.serverId));
    expect([...servers].sort()).toEqual(['dgx200', LAB.id]);
  });

  it('moves a runtime overhead left at its default with each server, and keeps one the user set', async () => {
    const { ctx } = tempStore();
    await ok(ctx, 'catalog.add', { kind: 'server', record: { ...LAB } });
    const overheadOn = async (runtimeOverheadGiB: number) => {
      const found = await ok(ctx, 'sizing.optimise', {
        inputs: { ...inputs, runtimeOverheadGiB },
        serverIds: ['dgx200', LAB.id],
        objective: 'tco',
        top: 1000,
      });
      const plans = found.regions[0]!.result.plans;
      return Object.fromEntries(plans.map((p) => [p.inputs.serverId, p.inputs.runtimeOverheadGiB]));
    };
    // The default is the weights plus 4 GiB per GPU: 164 GiB on eight GPUs, 148 on four.
    expect(inputs.runtimeOverheadGiB).toBe(164);
    expect(await overheadOn(164)).toEqual({ dgx200: 164, [LAB.id]: 148 });
    expect(await overheadOn(170)).toEqual({ dgx200: 170, [LAB.id]: 170 });
  });

  it('refuses a server the catalog does not have, in both languages', async () => {
    const { ctx } = tempStore();
    expect(await refusal(ctx, { inputs, serverIds: ['dgx200', 'nope'], objective: 'tco', top: 5 })).toEqual({
      code: 'invalid_input',
      field: 'serverIds',
      en: 'serverIds: "nope" is not a server of this catalog',
      pt: 'serverIds: "nope" não é um servidor deste catálogo',
    });
    expect(await refusal(ctx, { inputs, serverIds: [], objective: 'tco', top: 5 })).toEqual({
      code: 'invalid_input',
      field: 'serverIds',
      en: 'serverIds: choose at least one server',
      pt: 'serverIds: escolha ao menos um servidor',
    });
  });

  it('refuses a region whose difference names an unknown server, with the region’s path', async () => {
    const { ctx } = tempStore();
    const regions = [
      { name: 'US', concurrency: 100, overrides: {} },
      { name: 'EU', concurrency: 100, overrides: { serverId: 'nope' } },
    ];
    const servers = BUILT_IN_CATALOG.servers.map((s) => s.id).join(', ');
    expect(await refusal(ctx, { inputs, regions, objective: 'tco', top: 5 })).toEqual({
      code: 'invalid_input',
      field: 'regions[1].overrides.serverId',
      en: `regions[1].overrides.serverId: "nope" is not allowed; expected one of ${servers}`,
      pt: `regions[1].overrides.serverId: "nope" não é permitido; esperado um de ${servers}`,
    });
  });

  it('refuses a CapEx ceiling and a count of plans out of range', async () => {
    const { ctx } = tempStore();
    expect(await refusal(ctx, { inputs, maxCapexUsd: 0, objective: 'tco', top: 5 })).toEqual({
      code: 'invalid_input',
      field: 'maxCapexUsd',
      en: 'maxCapexUsd: expected a number greater than 0',
      pt: 'maxCapexUsd: esperado um número maior que 0',
    });
    expect(await refusal(ctx, { inputs, objective: 'tco', top: 1.5 })).toEqual({
      code: 'invalid_input',
      field: 'top',
      en: 'top: expected a whole number',
      pt: 'top: esperado um número inteiro',
    });
    expect(await refusal(ctx, { inputs, objective: 'tco', top: 1001 })).toEqual({
      code: 'invalid_input',
      field: 'top',
      en: 'top: expected a number at most 1000',
      pt: 'top: esperado um número no máximo 1.000',
    });
  });

  it('names the export after the plan, or "sizing" when it has no name', async () => {
    const { ctx } = tempStore();
    const file = await ok(ctx, 'export.optimise', { inputs, objective: 'tco', top: 2, lang: 'en' });
    expect(file.fileName).toBe('sizing-optimised-plans.csv');
  });
});

describe('the report’s optimiser section', () => {
  it('searches by TCO only when the scenario or one of its regions has a service target', async () => {
    const { ctx } = tempStore();
    const noTargets = { ...inputs, tpotMs: undefined, ttftS: undefined };
    const region = (overrides: { tpotMs?: number; ttftS?: number }) => [
      { name: 'US', concurrency: 500, overrides: {} },
      { name: 'EU', concurrency: 500, overrides },
    ];
    expect(reportOptimisation(ctx, noTargets, [])).toBeNull();
    expect(reportOptimisation(ctx, noTargets, region({}))).toBeNull();

    const byTpot = reportOptimisation(ctx, inputs, [])!;
    expect(byTpot.regions).toHaveLength(1);
    expect(byTpot.regions[0]!.result.plans.length).toBeGreaterThan(1);
    expect(reportOptimisation(ctx, { ...noTargets, ttftS: 2 }, [])!.regions).toHaveLength(1);
    expect(reportOptimisation(ctx, noTargets, region({ tpotMs: 40 }))!.regions.map((r) => r.name)).toEqual(['US', 'EU']);
    expect(reportOptimisation(ctx, noTargets, region({ ttftS: 2 }))!.regions.map((r) => r.name)).toEqual(['US', 'EU']);
  });
});
