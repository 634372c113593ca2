import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  findTemplate,
  formatUsdRange,
  planScenario,
  type Recommendation,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const template = (id: string): SizingInputs => ({ ...findTemplate(id)!.inputs });
const advice = (inputs: SizingInputs): Recommendation[] => planScenario(inputs, BUILT_IN_CATALOG).recommendations;
const find = (inputs: SizingInputs, id: string) => advice(inputs).find((r) => r.id === id);
const allText = (inputs: SizingInputs) =>
  advice(inputs)
    .flatMap((r) => [r.message.en, r.message['pt-BR']])
    .join('\n');

describe('advice an expert would sign', () => {
  it('never promises that fp8 makes a plan feasible when re-sizing says it does not (issue 10 item 12)', () => {
    const inputs = {
      ...template('saas-startup'),
      modelId: 'opt-oss-120b',
      effectiveContextTokens: 131072,
      kvPrecision: 'fp32' as const,
      kvBudgetRatio: 0.09,
      runtimeOverheadGiB: 93,
    };
    const r = find(inputs, 'kv-precision-wide')!;
    expect(planScenario({ ...inputs, kvPrecision: 'fp8' }, BUILT_IN_CATALOG).feasible).toBe(false);
    expect(r.figures.fp8MakesFeasible).toBe('no');
    expect(r.message.en).not.toMatch(/may make/);
    expect(r.message.en).toContain('fp8 alone does not make this plan feasible');
  });

  it('says fp8 makes a plan feasible only with the node count re-sizing gives', () => {
    const inputs = {
      ...template('saas-startup'),
      modelId: 'llama-3.1-405b',
      serverId: 'dgx100',
      kvPrecision: 'fp32' as const,
      effectiveContextTokens: 131072,
      runtimeOverheadGiB: 430,
      kvBudgetRatio: 0.9,
    };
    const r = find(inputs, 'kv-precision-wide')!;
    const fp8 = planScenario({ ...inputs, kvPrecision: 'fp8' }, BUILT_IN_CATALOG);
    expect(fp8.feasible).toBe(true);
    expect(r.figures.fp8Nodes).toBe(fp8.nodes!.total);
    expect(r.message.en).toContain(`With fp8 this plan is feasible: ${fp8.nodes!.total} nodes`);
  });

  it('long context advises chunked prefill, prefix caching, a TTFT target and KV precision, never cold-start I/O', () => {
    const r = find(template('enterprise-docs'), 'long-context')!;
    expect(r.message.en).toMatch(/chunked prefill/);
    expect(r.message.en).toMatch(/prefix caching/);
    expect(r.message.en).toMatch(/time-to-first-token target/);
    expect(r.message.en).toMatch(/keep the KV cache in fp8/);
    expect(r.message.en).not.toMatch(/cold.start/i);
    expect(find(template('public-api'), 'long-context')!.message.en).not.toMatch(/keep the KV cache in fp8/);
  });

  it('storage advice never contradicts the cold-start verdict and never shows a raw profile id', () => {
    for (const id of ['saas-startup', 'enterprise-docs', 'public-api', 'research-lab', 'serverless-multi-region']) {
      const texts = allText(template(id));
      expect(texts).not.toMatch(/profile_/);
      expect(texts).not.toMatch(/is the best storage/);
    }
    const withTarget = { ...template('serverless-multi-region'), engineInitS: 0.5 };
    expect(advice(withTarget).map((r) => r.id)).not.toContain('storage-fastest');
    expect(find({ ...template('saas-startup'), storageId: 'profile_cloud_object' }, 'storage-object')!.message.en).toMatch(
      /^Cloud object storage is slow.*Host RAM cache takes/,
    );
  });

  it('alerts name the signals operators use, not HBM use that engines pre-allocate', () => {
    const ops = find(template('saas-startup'), 'operations')!;
    for (const signal of ['KV-cache usage', 'requests waiting', 'preemptions', 'time to first token', 'inter-token latency'])
      expect(ops.message.en).toContain(signal);
    expect(ops.message.en).not.toMatch(/HBM use/);
    expect(ops.message['pt-BR']).toContain('aumente a escala acima de 70% de utilização e reduza abaixo de 30%, mantida por 10 minutos');
  });

  it('one node without HA is called a single point of failure, at any load', () => {
    const single = find({ ...template('saas-startup'), concurrency: 10 }, 'ha-single-node')!;
    expect(single.severity).toBe('warning');
    expect(single.message.en).toMatch(/single point of failure/);
    expect(advice({ ...template('saas-startup'), concurrency: 10 }).map((r) => r.id)).not.toContain('ha-plan-n1');
    expect(find({ ...template('saas-startup'), concurrency: 5000 }, 'ha-plan-n1')).toBeDefined();
  });

  it('no advice that changes nothing, no "1 sessions", no range whose ends read the same', () => {
    // fp16 at a load where fp8 saves no node: no precision line at all.
    const small = { ...template('research-lab'), concurrency: 1 };
    expect(planScenario({ ...small, kvPrecision: 'fp8' }, BUILT_IN_CATALOG).nodes!.total).toBe(
      planScenario(small, BUILT_IN_CATALOG).nodes!.total,
    );
    expect(find(small, 'kv-precision-wide')).toBeUndefined();
    // fp16 at 300 sessions needs 2 nodes (276 sessions each), fp8 needs 1: a count of one reads in the singular.
    const saving = find({ ...template('enterprise-docs'), concurrency: 300, peakHeadroomRatio: 0, ha: 'none' }, 'kv-precision-wide')!;
    expect(saving.message.en).toContain('With fp8 this plan needs 1 node instead of 2: 1 fewer (50%)');
    expect(saving.message['pt-BR']).toContain('Com fp8 este plano precisa de 1 nó em vez de 2');
    expect(saving.message.en).not.toMatch(/node\(s\)/);
    expect(formatUsdRange(1500, 2000, 'en')).toBe('USD 1.5 k – USD 2 k');
    expect(formatUsdRange(1_001_000, 1_004_000, 'pt-BR')).toBe('USD 1,001 M – USD 1,004 M');
    expect(formatUsdRange(300_000, 400_000, 'en')).toBe('USD 300 k – USD 400 k');
  });
});
