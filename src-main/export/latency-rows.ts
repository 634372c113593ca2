import { formatNumber, formatSeconds, type Lang, type SizingResult } from '../engine/index.js';
import { bindingLabel, label, type LabelKey } from '../i18n/labels.js';

/** One line of the latency figures: what it is, its value, and a note. */
type LatencyRow = [name: string, value: string, note?: string];

/**
 * The latency figures at the planned load, as the text report and the PDF show them: replicas,
 * TPOT and TTFT against their targets, what limits sessions per replica, tokens per second and the
 * cost per million output tokens with its utilisation assumption. Empty without latency figures.
 */
export function latencyRows(result: SizingResult, lang: Lang): LatencyRow[] {
  const lat = result.latency;
  if (!lat) return [];
  const L = (key: LabelKey, params?: Record<string, string | number>) => label(lang, key, params);
  const n = (v: number, digits = 0, min = 0) => formatNumber(v, lang, digits, min);
  const i = result.inputs;
  const target = (value: number | undefined, unit: string) => (value === undefined ? undefined : `${L('target')} ${n(value, 2)} ${unit}`);
  const ttft =
    lat.ttftS === null ? (i.promptTokens === undefined ? L('ttftNeedsPrompt') : L('ttftQueues')) : `${formatSeconds(lat.ttftS, lang)} s`;
  const rows: LatencyRow[] = [
    [L('latencyReplicaLayout'), L('latencyReplicaLayoutValue', { replicas: lat.replicasPerNode, tp: lat.tp }), lat.computePrecision],
    [
      L('tpotAtLoad'),
      `${n(lat.tpotMs, 1, 1)} ms`,
      [L('sessionsPerReplicaAtLoad', { sessions: n(lat.plannedSessionsPerReplica) }), target(i.tpotMs, 'ms')].filter(Boolean).join(', '),
    ],
    [L('ttftAtLoad'), ttft, target(i.ttftS, 's')],
    [L('sessionsPerReplica'), n(lat.sessionsPerReplica), bindingLabel(lang, lat.bindingLimit)],
    [
      L('outputTokensPerSecond'),
      `${n(lat.outputTokensPerSecondPerReplica)} / ${n(lat.outputTokensPerSecondPerNode)} / ${n(lat.outputTokensPerSecondPerPlan)}`,
      L('perReplicaNodePlan'),
    ],
  ];
  const { tcoPerMillionOutputTokensLowUsd: low, tcoPerMillionOutputTokensUsd: high } = lat;
  if (low !== null && high !== null) {
    rows.push([
      L('tcoPerMillionOutputTokens'),
      low === high ? `USD ${n(high, 2, 2)}` : `USD ${n(low, 2, 2)} – ${n(high, 2, 2)}`,
      L('utilisationAssumption'),
    ]);
  }
  return rows;
}
