import { formatNumber, formatPercent, formatUsd } from './format.js';
import { isWiderThanFp8 } from './precision.js';
import type {
  ColdStartEstimate,
  CostEstimate,
  Lang,
  LocalizedText,
  MemoryPerNode,
  MethodResult,
  Recommendation,
  Severity,
  SizingInputs,
  StorageRecord,
  WeightsCheck,
} from './types.js';

/** What the rules read: one scenario's result and the figures derived from it. */
export interface RecommendationContext {
  inputs: SizingInputs;
  method: MethodResult;
  memory: MemoryPerNode | null;
  weights: WeightsCheck;
  coldStart: ColdStartEstimate;
  cost: CostEstimate | null;
  storage: StorageRecord[];
  nextNodeAtConcurrency: number | null;
  /** The same scenario with fp8 KV, when the scenario uses a wider precision. */
  fp8Alternative: { nodes: number | null; cost: CostEstimate | null } | null;
}

/** Formatting helpers bound to one language, so each message is written once per language. */
interface Fmt {
  n: (v: number, digits?: number) => string;
  usd: (v: number) => string;
  pct: (ratio: number, digits?: number) => string;
}

const fmtFor = (lang: Lang): Fmt => ({
  n: (v, digits = 0) => formatNumber(v, lang, digits),
  usd: (v) => formatUsd(v, lang),
  pct: (r, digits = 1) => formatPercent(r, lang, digits),
});
const FMT = { en: fmtFor('en'), 'pt-BR': fmtFor('pt-BR') };

function text(en: (f: Fmt) => string, pt: (f: Fmt) => string): LocalizedText {
  return { en: en(FMT.en), 'pt-BR': pt(FMT['pt-BR']) };
}

function rec(id: string, severity: Severity, figures: Recommendation['figures'], message: LocalizedText): Recommendation {
  return { id, severity, figures, message };
}

const LONG_CONTEXT_TOKENS = 100_000;
/** Utilisation of the planned nodes at which N+1 should be in place (SPEC §4). */
const HA_PLANNING_UTILISATION = 0.7;
const HIGH_AVAILABILITY_TARGET = 0.999;

export function recommend(ctx: RecommendationContext): Recommendation[] {
  const rules = [weightsRule, precisionRule, contextRule, storageRule, coldStartRule, haRule, growthRule, headroomRule, hbmRule, operationsRule];
  const out: Recommendation[] = [];
  for (const rule of rules) out.push(...rule(ctx));
  const order: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
  return out.sort((a, b) => order[a.severity] - order[b.severity]);
}

function weightsRule({ weights, method }: RecommendationContext): Recommendation[] {
  // The engine method states weights that do not fit as its infeasibility, with the fixes.
  if (weights.fits || method.engine) return [];
  const figures = { weightsGiB: weights.weightsGiB, outsideKvGiB: weights.outsideKvGiB };
  return [
    rec('weights-do-not-fit', 'critical', figures, text(
      (f) => `The model weights (${f.n(weights.weightsGiB, 1)} GiB) do not fit in the memory left outside the KV budget (${f.n(weights.outsideKvGiB, 2)} GiB). Lower the KV budget ratio or raise the runtime overhead to cover the weights.`,
      (f) => `Os pesos do modelo (${f.n(weights.weightsGiB, 1)} GiB) não cabem na memória fora do orçamento KV (${f.n(weights.outsideKvGiB, 2)} GiB). Reduza a razão de orçamento KV ou aumente o overhead de runtime para cobrir os pesos.`,
    )),
  ];
}

function precisionRule({ inputs, method, cost, fp8Alternative }: RecommendationContext): Recommendation[] {
  const wide = isWiderThanFp8(inputs.kvPrecision);
  if (!wide) {
    return [
      rec('kv-precision-fp8', 'info', { kvPrecision: inputs.kvPrecision }, text(
        () => `KV cache in ${inputs.kvPrecision} is the cost-effective choice; validate output quality on your own evaluations before lowering precision further.`,
        () => `Cache KV em ${inputs.kvPrecision} é a escolha custo-efetiva; valide a qualidade nas suas próprias avaliações antes de reduzir ainda mais a precisão.`,
      )),
    ];
  }
  const nodes = method.nodes?.total ?? null;
  const altNodes = fp8Alternative?.nodes ?? null;
  if (nodes === null || altNodes === null) {
    return [
      rec('kv-precision-wide', 'warning', { kvPrecision: inputs.kvPrecision }, text(
        () => `${inputs.kvPrecision} KV uses ${inputs.kvPrecision === 'fp32' ? 'four' : 'two'} times the memory of fp8 per session; fp8 may make this plan feasible. Validate quality before lowering precision.`,
        () => `KV em ${inputs.kvPrecision} usa ${inputs.kvPrecision === 'fp32' ? 'quatro' : 'duas'} vezes a memória do fp8 por sessão; fp8 pode tornar este plano viável. Valide a qualidade antes de reduzir a precisão.`,
      )),
    ];
  }
  const savedNodes = nodes - altNodes;
  const savedLow = cost && fp8Alternative?.cost ? cost.capexLowUsd - fp8Alternative.cost.capexLowUsd : 0;
  const savedHigh = cost && fp8Alternative?.cost ? cost.capexHighUsd - fp8Alternative.cost.capexHighUsd : 0;
  const savedRatio = nodes > 0 ? savedNodes / nodes : 0;
  const figures = { nodes, fp8Nodes: altNodes, savedNodes, savedCapexLowUsd: savedLow, savedCapexHighUsd: savedHigh, savedRatio };
  return [
    rec('kv-precision-wide', savedNodes > 0 ? 'warning' : 'info', figures, text(
      (f) => `${inputs.kvPrecision} KV ${inputs.kvPrecision === 'fp32' ? 'quadruples' : 'doubles'} memory per session against fp8. With fp8 this plan needs ${f.n(altNodes)} node(s) instead of ${f.n(nodes)}: ${f.n(savedNodes)} fewer (${f.pct(savedRatio, 0)}), saving about ${f.usd(savedLow)}–${f.usd(savedHigh)} of CapEx. Validate quality on your own evaluations before lowering precision.`,
      (f) => `KV em ${inputs.kvPrecision} ${inputs.kvPrecision === 'fp32' ? 'quadruplica' : 'dobra'} a memória por sessão em relação ao fp8. Com fp8 este plano precisa de ${f.n(altNodes)} nó(s) em vez de ${f.n(nodes)}: ${f.n(savedNodes)} a menos (${f.pct(savedRatio, 0)}), economia de cerca de ${f.usd(savedLow)}–${f.usd(savedHigh)} de CapEx. Valide a qualidade nas suas avaliações antes de reduzir a precisão.`,
    )),
  ];
}

function contextRule({ inputs }: RecommendationContext): Recommendation[] {
  if (inputs.effectiveContextTokens <= LONG_CONTEXT_TOKENS) return [];
  const figures = { effectiveContextTokens: inputs.effectiveContextTokens };
  return [
    rec('long-context', 'warning', figures, text(
      (f) => `Context of ${f.n(inputs.effectiveContextTokens)} tokens: prefill latency and cold-start I/O dominate. Monitor prefill latency and consider chunking very long documents.`,
      (f) => `Contexto de ${f.n(inputs.effectiveContextTokens)} tokens: a latência de prefill e o I/O de cold start dominam. Monitore a latência de prefill e considere dividir documentos muito longos em partes.`,
    )),
  ];
}

function storageRule({ inputs }: RecommendationContext): Recommendation[] {
  const id = inputs.storageId;
  const figures = { storageId: id };
  if (id === 'profile_cloud_object') {
    return [rec('storage-object', 'warning', figures, text(
      () => 'Cloud object storage is slow to load weights from: avoid it for production inference; use local NVMe or a RAM cache.',
      () => 'Storage de objetos em nuvem é lento para carregar pesos: evite-o em inferência de produção; use NVMe local ou cache em RAM.',
    ))];
  }
  if (id === 'profile_network_ssd') {
    return [rec('storage-network', 'info', figures, text(
      () => 'Network SSD is fine for non-critical loads; local NVMe gives the fastest cold start.',
      () => 'SSD em rede atende cargas não críticas; NVMe local dá o cold start mais rápido.',
    ))];
  }
  if (id === 'profile_default') {
    return [rec('storage-local', 'info', figures, text(
      () => 'Local NVMe is the best storage for cold start.',
      () => 'NVMe local é o melhor storage para cold start.',
    ))];
  }
  return [];
}

function coldStartRule({ coldStart }: RecommendationContext): Recommendation[] {
  if (coldStart.targetS === null) return [];
  const target = coldStart.targetS;
  const figures = { coldStartS: coldStart.seconds, targetS: target };
  if (coldStart.meetsTarget) {
    return [rec('cold-start-met', 'info', figures, text(
      (f) => `Cold start of ${f.n(coldStart.seconds, 1)} s meets the ${f.n(target, 1)} s target.`,
      (f) => `Cold start de ${f.n(coldStart.seconds, 1)} s atende a meta de ${f.n(target, 1)} s.`,
    ))];
  }
  const meeting = coldStart.byStorage.filter((s) => s.meetsTarget).map((s) => s.storageId);
  const alternative = meeting.length > 0 ? meeting.join(', ') : '';
  return [rec('cold-start-missed', 'warning', { ...figures, meetingProfiles: alternative }, text(
    (f) => `Cold start of ${f.n(coldStart.seconds, 1)} s misses the ${f.n(target, 1)} s target. ${alternative ? `Storage that would meet it: ${alternative}.` : 'No storage profile meets it: keep warm replicas or reduce engine initialisation.'}`,
    (f) => `Cold start de ${f.n(coldStart.seconds, 1)} s não atende a meta de ${f.n(target, 1)} s. ${alternative ? `Storage que atenderia: ${alternative}.` : 'Nenhum perfil de storage atende: mantenha réplicas aquecidas ou reduza a inicialização do engine.'}`,
  ))];
}

function haRule({ inputs, method }: RecommendationContext): Recommendation[] {
  const out: Recommendation[] = [];
  const nodes = method.nodes;
  if (inputs.ha === 'none' && nodes) {
    const threshold = Math.ceil(HA_PLANNING_UTILISATION * nodes.total * method.sessionsPerNode);
    const reached = inputs.concurrency >= threshold;
    out.push(rec('ha-plan-n1', reached ? 'warning' : 'info', { planN1AtConcurrency: threshold, utilisationRatio: HA_PLANNING_UTILISATION }, text(
      (f) => reached
        ? `No N+1: the planned nodes are already at ${f.pct(method.utilisationRatio ?? 0, 0)} utilisation (≥ 70%). Plan an N+1 node now.`
        : `No N+1 redundancy: plan N+1 when concurrency reaches ${f.n(threshold)} sessions (70% utilisation of the planned nodes).`,
      (f) => reached
        ? `Sem N+1: os nós planejados já estão com ${f.pct(method.utilisationRatio ?? 0, 0)} de utilização (≥ 70%). Planeje um nó N+1 agora.`
        : `Sem redundância N+1: planeje N+1 quando a concorrência chegar a ${f.n(threshold)} sessões (70% de utilização dos nós planejados).`,
    )));
  }
  const target = inputs.availabilityTarget;
  if (target !== undefined && target > HIGH_AVAILABILITY_TARGET && inputs.ha === 'none') {
    out.push(rec('ha-availability', 'critical', { availabilityTarget: target }, text(
      (f) => `An availability target of ${f.pct(target, 2)} is above 99.9%: a single node failure would breach it. Plan N+1.`,
      (f) => `Uma meta de disponibilidade de ${f.pct(target, 2)} está acima de 99,9%: a falha de um único nó a violaria. Planeje N+1.`,
    )));
  }
  return out;
}

function growthRule({ nextNodeAtConcurrency, inputs }: RecommendationContext): Recommendation[] {
  if (nextNodeAtConcurrency === null) return [];
  return [rec('growth-next-node', 'info', { nextNodeAtConcurrency }, text(
    (f) => `With ${f.pct(inputs.peakHeadroomRatio, 0)} headroom, one more node becomes necessary at ${f.n(nextNodeAtConcurrency)} concurrent sessions.`,
    (f) => `Com ${f.pct(inputs.peakHeadroomRatio, 0)} de headroom, mais um nó se torna necessário com ${f.n(nextNodeAtConcurrency)} sessões simultâneas.`,
  ))];
}

function headroomRule({ inputs }: RecommendationContext): Recommendation[] {
  const h = inputs.peakHeadroomRatio;
  const figures = { peakHeadroomRatio: h };
  const id = 'headroom';
  if (h < 0.1) {
    return [rec(id, 'warning', figures, text(
      (f) => `Peak headroom of ${f.pct(h, 0)} is thin: 10–20% suits organic growth, 30–40% seasonal or variable traffic.`,
      (f) => `Headroom de pico de ${f.pct(h, 0)} é pequeno: 10–20% atende crescimento orgânico, 30–40% tráfego sazonal ou variável.`,
    ))];
  }
  if (h > 0.5) {
    return [rec(id, 'warning', figures, text(
      (f) => `Peak headroom of ${f.pct(h, 0)} is above 50%: that is over-provisioning unless traffic is extremely bursty.`,
      (f) => `Headroom de pico de ${f.pct(h, 0)} está acima de 50%: é superdimensionamento, a menos que o tráfego seja extremamente irregular.`,
    ))];
  }
  const band = h <= 0.2 ? 'organic' : h <= 0.4 ? 'seasonal' : 'generous';
  const en = { organic: 'suits organic growth', seasonal: 'suits seasonal or variable traffic', generous: 'is generous; 30–40% usually covers variable traffic' }[band];
  const pt = { organic: 'atende crescimento orgânico', seasonal: 'atende tráfego sazonal ou variável', generous: 'é generoso; 30–40% costuma cobrir tráfego variável' }[band];
  return [rec(id, 'info', { ...figures, band }, text(
    (f) => `Peak headroom of ${f.pct(h, 0)} ${en}.`,
    (f) => `Headroom de pico de ${f.pct(h, 0)} ${pt}.`,
  ))];
}

function hbmRule({ memory, inputs }: RecommendationContext): Recommendation[] {
  if (!memory || memory.usedRatio <= inputs.hbmAlertRatio) return [];
  return [rec('hbm-high', 'warning', { usedRatio: memory.usedRatio, alertRatio: inputs.hbmAlertRatio }, text(
    (f) => `At the planned load each node uses ${f.pct(memory.usedRatio)} of its HBM, above the ${f.pct(inputs.hbmAlertRatio, 0)} alert line. Add headroom or a node.`,
    (f) => `Na carga planejada cada nó usa ${f.pct(memory.usedRatio)} da HBM, acima do limite de alerta de ${f.pct(inputs.hbmAlertRatio, 0)}. Aumente o headroom ou adicione um nó.`,
  ))];
}

function operationsRule({ inputs }: RecommendationContext): Recommendation[] {
  const figures = {
    hbmAlertRatio: inputs.hbmAlertRatio,
    scaleUpRatio: inputs.scaleUpRatio,
    scaleDownRatio: inputs.scaleDownRatio,
    scaleDownMinutes: inputs.scaleDownMinutes,
  };
  return [rec('operations', 'info', figures, text(
    (f) => `Operations: alert when HBM use per node passes ${f.pct(inputs.hbmAlertRatio, 0)}; scale up above ${f.pct(inputs.scaleUpRatio, 0)} utilisation and down below ${f.pct(inputs.scaleDownRatio, 0)} sustained for ${f.n(inputs.scaleDownMinutes)} minutes; watch P99 latency.`,
    (f) => `Operação: alerte quando o uso de HBM por nó passar de ${f.pct(inputs.hbmAlertRatio, 0)}; escale para cima acima de ${f.pct(inputs.scaleUpRatio, 0)} de utilização e para baixo abaixo de ${f.pct(inputs.scaleDownRatio, 0)} sustentado por ${f.n(inputs.scaleDownMinutes)} minutos; acompanhe a latência P99.`,
  ))];
}
