import { firstRise } from './first-rise.js';
import { findModel, findServer } from './catalogs/index.js';
import { withWeightsPrecision } from './weights.js';
import { estimateCost } from './cost.js';
import { checkNumber, describeRule, NUMBER_RULES, validateInputs, type NumberRule } from './inputs.js';
import { InvalidInputsError, sizeMethod } from './plan.js';
import type { Catalog, LocalizedText, MethodId, ModelRecord, ServerRecord, SizingInputs } from './types.js';

export type SweepField = 'concurrency' | 'effectiveContextTokens' | 'peakHeadroomRatio' | 'kvBudgetRatio' | 'runtimeOverheadGiB';

export const SWEEP_FIELDS: SweepField[] = [
  'concurrency',
  'effectiveContextTokens',
  'peakHeadroomRatio',
  'kvBudgetRatio',
  'runtimeOverheadGiB',
];

/** Inputs only the pooled method reads: swept under the engine method they would draw a flat, meaningless line. */
const POOLED_ONLY_FIELDS: ReadonlySet<SweepField> = new Set(['kvBudgetRatio', 'runtimeOverheadGiB']);

/** The inputs a sweep can vary for a scenario sized with this method. */
export function sweepFieldsFor(method: MethodId): SweepField[] {
  return method === 'engine' ? SWEEP_FIELDS.filter((f) => !POOLED_ONLY_FIELDS.has(f)) : SWEEP_FIELDS;
}

export interface SweepPoint {
  value: number;
  /** null where the plan is infeasible at this value. */
  nodesTotal: number | null;
  capexLowUsd: number | null;
  capexHighUsd: number | null;
}

export interface SweepResult {
  field: SweepField;
  points: SweepPoint[];
  /** Input values at which nodes.total rises, located exactly between the samples. */
  thresholds: number[];
}

export const SWEEP_MAX_POINTS = 100_000;

/**
 * What-if sweep of one input (SPEC §6): nodes and CapEx at `points` evenly spaced values from
 * `from` to `to`. Calls the sizing method and the cost estimate directly, not planScenario:
 * recommendations and cold start cost far more than the method and are not plotted.
 */
interface SweepArguments {
  inputs: SizingInputs;
  catalog: Catalog;
  field: SweepField;
  from: number;
  to: number;
  points: number;
}

export function sweep({ inputs, catalog, field, from, to, points }: SweepArguments): SweepResult {
  checkSweepArguments(field, from, to, points);
  checkFieldForMethod(field, inputs.method);
  const issues = validateInputs(inputs, catalog);
  if (issues.length > 0) throw new InvalidInputsError(issues);
  // The model as it loads, as planScenario sizes it: weights in the scenario's format.
  const model = withWeightsPrecision(findModel(catalog, inputs.modelId)!, inputs.weightsPrecision);
  const server = findServer(catalog, inputs.serverId)!;
  const method = (i: SizingInputs, m: ModelRecord, s: ServerRecord) => sizeMethod(i, m, s, catalog.calibrations);
  const valueAt = sweptValue(field, from, to, points, model.maxContextTokens);
  const out: SweepPoint[] = new Array(points);
  for (let i = 0; i < points; i++) {
    const value = valueAt(i);
    const varied: SizingInputs = { ...inputs, [field]: value };
    const nodes = method(varied, model, server).nodes;
    const cost = nodes ? estimateCost(nodes.total, varied.concurrency, server, varied) : null;
    out[i] = { value, nodesTotal: nodes?.total ?? null, capexLowUsd: cost?.capexLowUsd ?? null, capexHighUsd: cost?.capexHighUsd ?? null };
  }
  const nodesAt = (value: number) => method({ ...inputs, [field]: value }, model, server).nodes?.total ?? null;
  return { field, points: out, thresholds: nodeThresholds(out, field, nodesAt) };
}

const INTEGER_FIELDS: ReadonlySet<SweepField> = new Set(['concurrency', 'effectiveContextTokens']);

/** A sweep range the caller must fix (from ≥ to, too many points, values outside the input's limits), said in both languages. */
export class SweepRangeError extends Error {
  constructor(
    public readonly argument: 'field' | 'from' | 'to' | 'points',
    public readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}

function checkSweepArguments(field: SweepField, from: number, to: number, points: number): void {
  if (!SWEEP_FIELDS.includes(field)) {
    throw new SweepRangeError('field', {
      en: `sweep field ${JSON.stringify(field)} is not one of ${SWEEP_FIELDS.join(', ')}`,
      'pt-BR': `o campo da varredura ${JSON.stringify(field)} não é um de ${SWEEP_FIELDS.join(', ')}`,
    });
  }
  if (!Number.isInteger(points) || points < 2 || points > SWEEP_MAX_POINTS) {
    throw new SweepRangeError('points', {
      en: `sweep points ${points} must be a whole number from 2 to ${SWEEP_MAX_POINTS}`,
      'pt-BR': `os pontos da varredura (${points}) devem ser um número inteiro de 2 a ${SWEEP_MAX_POINTS}`,
    });
  }
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) {
    throw new SweepRangeError('from', {
      en: `sweep range ${from} to ${to} must be two finite numbers with from below to`,
      'pt-BR': `o intervalo da varredura, de ${from} a ${to}, deve ter dois números finitos, com o início abaixo do fim`,
    });
  }
  // Context above the model's maximum is clipped rather than refused: the maximum varies by model.
  const rule: NumberRule = field === 'effectiveContextTokens' ? { ...NUMBER_RULES[field], max: Infinity } : NUMBER_RULES[field];
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const candidate = INTEGER_FIELDS.has(field) ? Math.round(value) : value;
    if (!checkNumber(candidate, rule)) {
      throw new SweepRangeError(name, {
        en: `sweep ${name} ${value} for ${field} must be ${describeRule(rule, 'en')}`,
        'pt-BR': `${name === 'from' ? 'o início' : 'o fim'} da varredura (${value}) para ${field} deve ser ${describeRule(rule, 'pt-BR')}`,
      });
    }
  }
}

function checkFieldForMethod(field: SweepField, method: MethodId): void {
  if (sweepFieldsFor(method).includes(field)) return;
  const allowed = sweepFieldsFor(method).join(', ');
  throw new SweepRangeError('field', {
    en: `${field} is an input of the pooled method and does not change an engine-method plan; sweep one of ${allowed}`,
    'pt-BR': `${field} é uma entrada do método de nó agregado e não altera um plano do método engine; varra um de ${allowed}`,
  });
}

/** The i-th swept value: evenly spaced, rounded for integer fields, context clipped to the model's maximum. */
function sweptValue(field: SweepField, from: number, to: number, points: number, maxContextTokens: number): (i: number) => number {
  const step = (to - from) / (points - 1);
  // The last point is `to` itself, not from + (points − 1) × step, which can miss it by float noise.
  const raw = (i: number) => (i === points - 1 ? to : from + i * step);
  if (field === 'effectiveContextTokens') return (i) => Math.min(Math.round(raw(i)), maxContextTokens);
  if (INTEGER_FIELDS.has(field)) return (i) => Math.round(raw(i));
  return raw;
}

/**
 * Exact input values at which total nodes rise: each rise between two samples is narrowed down by
 * bisection (whole numbers for integer fields, 1e-9 relative for ratios), so a coarse sweep still
 * reports the true threshold, e.g. 1,773 sessions rather than the sample at 1,784.
 */
function nodeThresholds(points: SweepPoint[], field: SweepField, nodesAt: (value: number) => number | null): number[] {
  const thresholds: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1]!.nodesTotal;
    const now = points[i]!.nodesTotal;
    if (before === null || now === null || now <= before) continue;
    const rises = (value: number) => {
      const nodes = nodesAt(value);
      return nodes !== null && nodes > before;
    };
    thresholds.push(firstRise({ low: points[i - 1]!.value, high: points[i]!.value, rises, integer: INTEGER_FIELDS.has(field) }));
  }
  return thresholds;
}
