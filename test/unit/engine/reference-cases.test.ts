import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  DEFAULT_ENGINE_INIT_S,
  findTemplate,
  planRegions,
  planScenario,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const template = (id: string): SizingInputs => findTemplate(id)!.inputs;

describe('SPEC §9 reference cases', () => {
  it('case 1, SaaS start-up: 0.3765 GiB, 1740 sessions per node, 1/1/1 nodes, 740 spare', () => {
    const r = planScenario(template('saas-startup'), BUILT_IN_CATALOG);
    expect(r.kvPerSessionGiB).toBeCloseTo(0.3765, 4);
    expect(r.kvBytesPerSession).toBe(404_226_048);
    expect(r.sessionsPerNode).toBe(1740);
    expect(r.nodes).toEqual({ capacity: 1, withHeadroom: 1, total: 1 });
    expect(r.spareSessions).toBe(740);
    expect(r.spareSessions! / r.sessionsPerNode).toBeCloseTo(0.425, 3);
    expect(r.feasible).toBe(true);
  });

  it('case 3, public API: 2.2522 GiB, 613 sessions per node, 9/11/12 nodes', () => {
    const r = planScenario(template('public-api'), BUILT_IN_CATALOG);
    expect(r.kvPerSessionGiB).toBeCloseTo(2.2522, 4);
    expect(r.sessionsPerNode).toBe(613);
    expect(r.nodes).toEqual({ capacity: 9, withHeadroom: 11, total: 12 });
    expect(r.spareSessions).toBe(12 * 613 - 5000);
  });

  it('case 5, serverless: 3 nodes in each of three regions, 9 in total', () => {
    const t = findTemplate('serverless-multi-region')!;
    const plan = planRegions(t.inputs, t.regions!, BUILT_IN_CATALOG);
    expect(plan.regions.map((r) => r.name)).toEqual(['US-East', 'US-West', 'EU']);
    expect(plan.regions.map((r) => r.result.nodes?.total)).toEqual([3, 3, 3]);
    expect(plan.totals.nodes).toBe(9);
    expect(plan.totals.concurrency).toBe(6000);
  });

  it('cases 2 and 4 follow section 2 (computed by hand from the formula)', () => {
    // Case 2: 18 full layers × 131072 + 18 × 128 tokens, 2×8×64 values, 2 bytes.
    const c2 = planScenario(template('enterprise-docs'), BUILT_IN_CATALOG);
    expect(c2.kvBytesPerSession).toBe((18 * 131072 + 18 * 128) * 1024 * 2);
    const budget2 = ((8 * 288e9) / 2 ** 30) * 0.65 - 150;
    expect(c2.sessionsPerNode).toBe(Math.floor(budget2 / (c2.kvBytesPerSession / 2 ** 30)));
    expect(c2.nodes).toEqual({ capacity: 2, withHeadroom: 3, total: 4 });
    const c4 = planScenario(template('research-lab'), BUILT_IN_CATALOG);
    expect(c4.kvBytesPerSession).toBe((12 * 131072 + 12 * 128) * 1024 * 2);
    expect(c4.nodes?.total).toBe(1);
  });

  it('latent attention (deepseek-v3) caches 576 values per token per layer, no factor 2', () => {
    const inputs = { ...template('saas-startup'), modelId: 'deepseek-v3', serverId: 'dgx300', runtimeOverheadGiB: 0 };
    const r = planScenario(inputs, BUILT_IN_CATALOG);
    expect(r.kvBytesPerSession).toBe(61 * 32768 * 576);
  });

  it('measured memory basis reads nvidia-smi MiB: H200 is ~140.4 GiB per GPU', () => {
    const r = planScenario({ ...template('saas-startup'), memoryBasis: 'measured' }, BUILT_IN_CATALOG);
    expect(r.nodeHbmGiB).toBeCloseTo((8 * 143771) / 1024, 9);
    expect(r.nodeHbmGiB / 8).toBeCloseTo(140.4, 1);
  });

  it('an infeasible plan is a result with a reason naming the figures', () => {
    const overhead = planScenario({ ...template('saas-startup'), runtimeOverheadGiB: 900 }, BUILT_IN_CATALOG);
    expect(overhead.feasible).toBe(false);
    expect(overhead.infeasibility?.code).toBe('budget-not-positive');
    expect(overhead.infeasibility?.message.en).toContain('900');
    expect(overhead.nodes).toBeNull();
    const tooBig = planScenario(
      {
        ...template('saas-startup'),
        modelId: 'llama-3.1-405b',
        serverId: 'dgx100',
        effectiveContextTokens: 131072,
        kvPrecision: 'fp32',
        kvBudgetRatio: 0.2,
        runtimeOverheadGiB: 100,
      },
      BUILT_IN_CATALOG,
    );
    expect(tooBig.feasible).toBe(false);
    expect(tooBig.infeasibility?.code).toBe('session-exceeds-budget');
    expect(tooBig.infeasibility?.message['pt-BR']).toMatch(/GiB/);
  });

  it('weights that do not fit outside the KV budget raise a critical warning naming both figures', () => {
    const r = planScenario(
      { ...template('saas-startup'), modelId: 'llama-3.1-405b', serverId: 'dgx100', runtimeOverheadGiB: 10, kvBudgetRatio: 0.7 },
      BUILT_IN_CATALOG,
    );
    const critical = r.recommendations.find((x) => x.id === 'weights-do-not-fit');
    expect(critical?.severity).toBe('critical');
    expect(critical?.message.en).toContain('377');
    expect(r.weights.fits).toBe(false);
  });

  it('cost: server CapEx from the price range, energy with PUE and kWh price over 8760 h, TCO over three years', () => {
    const r = planScenario(template('public-api'), BUILT_IN_CATALOG);
    const server = BUILT_IN_CATALOG.servers.find((s) => s.id === 'dgx300')!;
    expect(r.cost?.serverCapexLowUsd).toBe(12 * server.priceLowUsd);
    expect(r.cost?.serverCapexHighUsd).toBe(12 * server.priceHighUsd);
    expect(r.cost?.energyAtMaxPowerPerYearUsd).toBeCloseTo(12 * server.nodePowerKW * 1.3 * 0.12 * 8760, 6);
    expect(r.cost?.tcoLowUsd).toBeCloseTo(r.cost!.capexLowUsd + 3 * r.cost!.opexPerYearUsd, 6);
  });

  it('fp16 recommendation quotes the fp8 node count and the saving', () => {
    const r = planScenario(template('enterprise-docs'), BUILT_IN_CATALOG);
    const advice = r.recommendations.find((x) => x.id === 'kv-precision-wide')!;
    const fp8 = planScenario({ ...template('enterprise-docs'), kvPrecision: 'fp8' }, BUILT_IN_CATALOG);
    expect(advice.figures.fp8Nodes).toBe(fp8.nodes!.total);
    expect(advice.figures.savedNodes).toBe(r.nodes!.total - fp8.nodes!.total);
  });

  it('fp32 KV is described as four times fp8, fp16 as twice', () => {
    const fp32 = planScenario({ ...template('enterprise-docs'), kvPrecision: 'fp32' }, BUILT_IN_CATALOG);
    expect(fp32.recommendations.find((x) => x.id === 'kv-precision-wide')!.message.en).toMatch(/^fp32 KV quadruples memory/);
    const fp16 = planScenario(template('enterprise-docs'), BUILT_IN_CATALOG);
    expect(fp16.recommendations.find((x) => x.id === 'kv-precision-wide')!.message['pt-BR']).toMatch(/^KV em fp16 dobra a memória/);
  });

  it('cold start misses the serverless 5 s target on NVMe and names a profile that meets it by name', () => {
    // With an engine that starts in 0.5 s (a measured figure, e.g. restored from a snapshot) only the RAM cache reads fast enough.
    const r = planScenario({ ...findTemplate('serverless-multi-region')!.inputs, engineInitS: 0.5 }, BUILT_IN_CATALOG);
    expect(r.coldStart.meetsTarget).toBe(false);
    expect(r.coldStart.engineInitSource).toBe('your-figure');
    const missed = r.recommendations.find((x) => x.id === 'cold-start-missed')!;
    expect(missed.figures.meetingProfiles).toBe('profile_ram_cache');
    expect(missed.message.en).toContain('Storage that would meet it: Host RAM cache.');
    expect(missed.message.en).not.toContain('profile_');
  });

  it('cold start counts a realistic engine initialisation by default, states it, and advises warm replicas when no storage helps', () => {
    const r = planScenario(findTemplate('serverless-multi-region')!.inputs, BUILT_IN_CATALOG);
    expect(r.coldStart.engineInitS).toBe(DEFAULT_ENGINE_INIT_S);
    expect(r.coldStart.engineInitSource).toBe('planning-default');
    expect(r.coldStart.seconds).toBeCloseTo(r.coldStart.readSeconds + r.coldStart.latencyS + DEFAULT_ENGINE_INIT_S, 9);
    const missed = r.recommendations.find((x) => x.id === 'cold-start-missed')!;
    expect(missed.figures.meetingProfiles).toBe('');
    expect(missed.message.en).toMatch(/engine initialisation alone exceeds the target.*warm replicas/);
    expect(missed.message['pt-BR']).toMatch(/réplicas aquecidas/);
  });

  it('growth threshold: one more session than the threshold needs one more node', () => {
    const r = planScenario(template('saas-startup'), BUILT_IN_CATALOG);
    const at = r.nextNodeAtConcurrency!;
    const before = planScenario({ ...template('saas-startup'), concurrency: at - 1 }, BUILT_IN_CATALOG);
    const after = planScenario({ ...template('saas-startup'), concurrency: at }, BUILT_IN_CATALOG);
    expect(after.nodes!.withHeadroom).toBe(before.nodes!.withHeadroom + 1);
  });
});
