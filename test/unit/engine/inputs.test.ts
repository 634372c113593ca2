import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  checkNumber,
  defaultRuntimeOverheadGiB,
  describeIssue,
  describeRule,
  findModel,
  findServer,
  findTemplate,
  validateInputs,
  withDefaults,
  type SizingInputs,
} from '../../../src-main/engine/index.js';

const saas = findTemplate('saas-startup')!.inputs;
const issuesOf = (change: Partial<SizingInputs>) => validateInputs({ ...saas, ...change } as SizingInputs, BUILT_IN_CATALOG);

describe('input rules', () => {
  it('says what a rule allows, in both languages', () => {
    expect(describeRule({ integer: true, min: 1, max: 10 })).toBe('a whole number at least 1 and at most 10');
    expect(describeRule({ min: 0, minExclusive: true, max: 1, maxExclusive: true })).toBe('a number greater than 0 and less than 1');
    expect(describeRule({ integer: true, min: 1, max: 10 }, 'pt-BR')).toBe('um número inteiro no mínimo 1 e no máximo 10');
    expect(describeRule({ min: 0, minExclusive: true, max: 1, maxExclusive: true }, 'pt-BR')).toBe('um número maior que 0 e menor que 1');
  });

  it('checks numbers at their bounds, inclusive or exclusive', () => {
    const inclusive = { min: 1, max: 5 };
    const exclusive = { min: 1, minExclusive: true, max: 5, maxExclusive: true };
    expect([0.999, 1, 5, 5.001].map((v) => checkNumber(v, inclusive))).toEqual([false, true, true, false]);
    expect([1, 1.001, 4.999, 5].map((v) => checkNumber(v, exclusive))).toEqual([false, true, true, false]);
    expect(checkNumber(2.5, { integer: true, min: 1, max: 5 })).toBe(false);
    expect(checkNumber(3, { integer: true, min: 1, max: 5 })).toBe(true);
    for (const bad of [NaN, Infinity, '3', null, undefined]) expect(checkNumber(bad, inclusive)).toBe(false);
  });

  it('describes an input problem as the value and what is allowed', () => {
    expect(describeIssue({ value: 1.5, allowed: 'a whole number' })).toBe('1.5 is not allowed; expected a whole number');
    expect(describeIssue({ value: 'gpt-9', allowed: 'one of a, b' })).toBe('"gpt-9" is not allowed; expected one of a, b');
  });
});

describe('validateInputs', () => {
  it('accepts every template and finds nothing to say', () => {
    expect(issuesOf({})).toEqual([]);
  });

  it('names unknown records with the ids that exist, in both languages', () => {
    const [model] = issuesOf({ modelId: 'gpt-9' });
    expect(model).toMatchObject({ field: 'modelId', value: 'gpt-9' });
    expect(model!.allowed).toBe(`one of ${BUILT_IN_CATALOG.models.map((m) => m.id).join(', ')}`);
    expect(model!.allowedText['pt-BR']).toBe(`um de ${BUILT_IN_CATALOG.models.map((m) => m.id).join(', ')}`);
    expect(issuesOf({ serverId: 'dgx999' }).map((i) => i.field)).toEqual(['serverId']);
    expect(issuesOf({ storageId: 'tape' })[0]!.allowed).toBe(`one of ${BUILT_IN_CATALOG.storage.map((s) => s.id).join(', ')}`);
  });

  it('checks every choice: method, precision, HA and memory basis', () => {
    expect(issuesOf({ method: 'guess' as never })[0]).toMatchObject({ field: 'method', allowed: 'one of pooled, engine' });
    expect(issuesOf({ kvPrecision: 'fp4' as never })[0]).toMatchObject({
      field: 'kvPrecision',
      allowed: 'one of auto, fp32, fp16, bf16, fp8, int8, nvfp4',
    });
    expect(issuesOf({ ha: 'n+5' as never })[0]).toMatchObject({ field: 'ha', allowed: 'one of none, n+1, n+2' });
    expect(issuesOf({ memoryBasis: 'guess' as never })[0]).toMatchObject({ field: 'memoryBasis', allowed: 'one of nominal, measured' });
  });

  it('checks numbers against their rules and skips optional ones left out', () => {
    expect(issuesOf({ concurrency: 0 })[0]).toMatchObject({
      field: 'concurrency',
      value: 0,
      allowed: 'a whole number at least 1 and at most 100,000,000',
    });
    expect(issuesOf({ kvBudgetRatio: 0 })[0]).toMatchObject({ field: 'kvBudgetRatio', allowed: 'a number greater than 0 and at most 1' });
    expect(issuesOf({ pricePerNodeUsd: undefined, coldStartTargetS: undefined, availabilityTarget: undefined })).toEqual([]);
    expect(issuesOf({ availabilityTarget: 1 })[0]).toMatchObject({
      field: 'availabilityTarget',
      allowed: 'a number greater than 0 and less than 1',
    });
  });

  it("refuses a context above the model's maximum, naming the model", () => {
    expect(issuesOf({ effectiveContextTokens: 131073 })).toEqual([
      {
        field: 'effectiveContextTokens',
        value: 131073,
        allowed: 'at most 131,072 (the maximum context of opt-oss-20b)',
        allowedText: {
          en: 'at most 131,072 (the maximum context of opt-oss-20b)',
          'pt-BR': 'no máximo 131.072 (o contexto máximo de opt-oss-20b)',
        },
      },
    ]);
    expect(issuesOf({ effectiveContextTokens: 131072 })).toEqual([]);
  });

  it('refuses the measured basis for a server without a measured capacity, naming the ones that have it', () => {
    const known = BUILT_IN_CATALOG.servers.filter((s) => s.measuredMiBPerGpu !== undefined).map((s) => s.id);
    const noMeasured = BUILT_IN_CATALOG.servers.find((s) => s.measuredMiBPerGpu === undefined)!;
    expect(issuesOf({ serverId: noMeasured.id, memoryBasis: 'measured' })).toEqual([
      {
        field: 'memoryBasis',
        value: 'measured',
        allowed: `nominal (no measured capacity is known for ${noMeasured.id}; measured is known for ${known.join(', ')})`,
        allowedText: {
          en: `nominal (no measured capacity is known for ${noMeasured.id}; measured is known for ${known.join(', ')})`,
          'pt-BR': `nominal (não há capacidade medida para ${noMeasured.id}; a medida é conhecida para ${known.join(', ')})`,
        },
      },
    ]);
    expect(issuesOf({ memoryBasis: 'measured' })).toEqual([]);
  });

  it('wants the scale-down ratio below the scale-up ratio, said once', () => {
    expect(issuesOf({ scaleDownRatio: 0.7, scaleUpRatio: 0.7 })).toEqual([
      {
        field: 'scaleDownRatio',
        value: 0.7,
        allowed: 'below the scale-up ratio 0.7',
        allowedText: { en: 'below the scale-up ratio 0.7', 'pt-BR': 'abaixo da razão de escala para cima 0.7' },
      },
    ]);
    expect(issuesOf({ scaleDownRatio: 0.69, scaleUpRatio: 0.7 })).toEqual([]);
    expect(issuesOf({ scaleDownRatio: 2, scaleUpRatio: 0.7 }).filter((i) => i.field === 'scaleDownRatio')).toHaveLength(1);
  });
});

describe('defaults', () => {
  it('runtime overhead defaults to the weights plus 4 GiB per GPU, rounded up', () => {
    const model = findModel(BUILT_IN_CATALOG, 'opt-oss-20b')!;
    const server = findServer(BUILT_IN_CATALOG, 'dgx200')!;
    expect(defaultRuntimeOverheadGiB(model, server)).toBe(Math.ceil(model.weightsGiB + 4 * server.gpus));
    expect(defaultRuntimeOverheadGiB(model, server)).toBe(45);
  });

  it('fills the policy around the workload, keeps what is given and drops undefined', () => {
    const inputs = withDefaults(
      { modelId: 'opt-oss-20b', serverId: 'dgx200', concurrency: 10, effectiveContextTokens: 1000, ha: 'n+1', pue: undefined },
      BUILT_IN_CATALOG,
    );
    expect(inputs).toMatchObject({
      method: 'pooled',
      kvPrecision: 'fp8',
      kvBudgetRatio: 0.7,
      ha: 'n+1',
      pue: 1.3,
      runtimeOverheadGiB: 45,
      concurrency: 10,
    });
    expect(
      withDefaults({ modelId: 'nope', serverId: 'dgx200', concurrency: 1, effectiveContextTokens: 1 }, BUILT_IN_CATALOG).runtimeOverheadGiB,
    ).toBe(0);
  });
});
