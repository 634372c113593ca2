import type { FeasibilityFix } from './fixes.js';
import { formatNumber, formatPercent, formatUsdRange } from './format.js';
import { enginesOnGpu, enginesStoringKv, isWiderThanFp8 } from './precision.js';
import { SERVING_ENGINE_NAMES } from './serving-engines.js';
import type {
  ColdStartEstimate,
  CostEstimate,
  Lang,
  LocalizedText,
  MemoryPerNode,
  MethodResult,
  Recommendation,
  ServerRecord,
  ServingEngine,
  Severity,
  SizingInputs,
  StorageRecord,
  WeightsCheck,
} from './types.js';

/** What the rules read: one scenario's result and the figures derived from it. */
interface RecommendationContext {
  inputs: SizingInputs;
  server: ServerRecord;
  method: MethodResult;
  memory: MemoryPerNode | null;
  weights: WeightsCheck;
  coldStart: ColdStartEstimate;
  cost: CostEstimate | null;
  storage: StorageRecord[];
  nextNodeAtConcurrency: number | null;
  /** The same scenario with fp8 KV, when the scenario uses a wider precision. */
  fp8Alternative: { nodes: number | null; cost: CostEstimate | null } | null;
  /** Single changes that make an infeasible plan feasible, each checked by re-sizing (fixes.ts). */
  fixes: FeasibilityFix[];
}

/** Formatting helpers bound to one language, so each message is written once per language. */
interface Fmt {
  n: (v: number, digits?: number) => string;
  usdRange: (low: number, high: number) => string;
  pct: (ratio: number, digits?: number) => string;
  /** "1 node", "3 nodes": a count with its noun in the right number. */
  count: (v: number, noun: Noun) => string;
}

type Noun = 'node' | 'session';
const NOUNS: Record<Lang, Record<Noun, [one: string, other: string]>> = {
  en: { node: ['node', 'nodes'], session: ['session', 'sessions'] },
  'pt-BR': { node: ['nó', 'nós'], session: ['sessão', 'sessões'] },
};

const fmtFor = (lang: Lang): Fmt => ({
  n: (v, digits = 0) => formatNumber(v, lang, digits),
  usdRange: (low, high) => formatUsdRange(low, high, lang),
  pct: (r, digits = 1) => formatPercent(r, lang, digits),
  count: (v, noun) => `${formatNumber(v, lang)} ${NOUNS[lang][noun][v === 1 ? 0 : 1]}`,
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
/** Share of cold start another storage profile must save to be worth a line. */
const NOTICEABLE_COLD_START_SAVING = 0.25;

export function recommend(ctx: RecommendationContext): Recommendation[] {
  const rules = [
    weightsRule,
    precisionRule,
    contextRule,
    storageRule,
    coldStartRule,
    haRule,
    growthRule,
    headroomRule,
    kvUsageRule,
    operationsRule,
  ];
  const out: Recommendation[] = [];
  for (const rule of rules) out.push(...rule(ctx));
  const order: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };
  return out.sort((a, b) => order[a.severity] - order[b.severity]);
}

function weightsRule({ weights, method }: RecommendationContext): Recommendation[] {
  // The engine method states weights that do not fit as its infeasibility, with the fixes.
  if (weights.fits || method.engine) return [];
  // Weights larger than the whole node: the plan's own reason says so, with the fixes that can work.
  if (weights.weightsGiB > method.nodeHbmGiB) return [];
  const figures = { weightsGiB: weights.weightsGiB, outsideKvGiB: weights.outsideKvGiB };
  return [
    rec(
      'weights-do-not-fit',
      'critical',
      figures,
      text(
        (f) =>
          `The model weights (${f.n(weights.weightsGiB, 1)} GiB) do not fit in the memory left outside the KV budget (${f.n(weights.outsideKvGiB, 2)} GiB). Lower the KV budget ratio or raise the runtime overhead to cover the weights.`,
        (f) =>
          `Os pesos do modelo (${f.n(weights.weightsGiB, 1)} GiB) não cabem na memória fora do orçamento KV (${f.n(weights.outsideKvGiB, 2)} GiB). Reduza a razão de orçamento KV ou aumente o overhead de runtime para cobrir os pesos.`,
      ),
    ),
  ];
}

function precisionRule({ inputs, server, method, cost, fp8Alternative, fixes }: RecommendationContext): Recommendation[] {
  const p = inputs.kvPrecision;
  // The engine method refuses a KV precision its engine does not store; the pooled method names no engine, so it says so here.
  if (p === 'int8' && !method.engine) return [int8KvAdvice(server)];
  if (!isWiderThanFp8(p)) {
    return [
      rec(
        'kv-precision-fp8',
        'info',
        { kvPrecision: p },
        text(
          () =>
            `KV cache in ${p} is the cost-effective choice; validate output quality on your own evaluations before lowering precision further.`,
          () =>
            `Cache KV em ${p} é a escolha de melhor custo-benefício; valide a qualidade nas suas próprias avaliações antes de reduzir ainda mais a precisão.`,
        ),
      ),
    ];
  }
  const times = { en: p === 'fp32' ? 'four' : 'two', pt: p === 'fp32' ? 'quatro' : 'duas' };
  const nodes = method.nodes?.total ?? null;
  if (nodes === null)
    return [
      infeasiblePrecisionAdvice(
        p,
        times,
        fixes.find((fix) => fix.field === 'kvPrecision'),
      ),
    ];
  const altNodes = fp8Alternative?.nodes ?? null;
  const savedNodes = altNodes === null ? 0 : nodes - altNodes;
  // Advice that changes nothing is noise: fp8 must save at least one node to be worth a line.
  if (altNodes === null || savedNodes <= 0 || !cost || !fp8Alternative?.cost) return [];
  const savedLow = cost.capexLowUsd - fp8Alternative.cost.capexLowUsd;
  const savedHigh = cost.capexHighUsd - fp8Alternative.cost.capexHighUsd;
  const savedRatio = savedNodes / nodes;
  const figures = { nodes, fp8Nodes: altNodes, savedNodes, savedCapexLowUsd: savedLow, savedCapexHighUsd: savedHigh, savedRatio };
  return [
    rec(
      'kv-precision-wide',
      'warning',
      figures,
      text(
        (f) =>
          `${p} KV ${p === 'fp32' ? 'quadruples' : 'doubles'} memory per session against fp8. With fp8 this plan needs ${f.count(altNodes, 'node')} instead of ${f.n(nodes)}: ${f.n(savedNodes)} fewer (${f.pct(savedRatio, 0)}), saving about ${f.usdRange(savedLow, savedHigh)} of CapEx. Validate quality on your own evaluations before lowering precision.`,
        (f) =>
          `KV em ${p} ${p === 'fp32' ? 'quadruplica' : 'dobra'} a memória por sessão em relação ao fp8. Com fp8 este plano precisa de ${f.count(altNodes, 'node')} em vez de ${f.n(nodes)}: ${f.n(savedNodes)} a menos (${f.pct(savedRatio, 0)}), economia de cerca de ${f.usdRange(savedLow, savedHigh)} de CapEx. Valide a qualidade nas suas avaliações antes de reduzir a precisão.`,
      ),
    ),
  ];
}

/** int8 KV under the pooled method: which engines can store it on this GPU, and fp8 as the same-size choice the others store. */
function int8KvAdvice(server: ServerRecord): Recommendation {
  const storing = enginesStoringKv('int8', server.generation);
  const others = enginesOnGpu(server.generation).filter((e) => !storing.includes(e));
  const list = (engines: ServingEngine[], lang: Lang) =>
    new Intl.ListFormat(lang, { type: 'conjunction' }).format(engines.map((e) => SERVING_ENGINE_NAMES[e]));
  const figures = { kvPrecision: 'int8', enginesStoringInt8: storing.join(', ') || 'none' };
  if (storing.length === 0) {
    return rec(
      'kv-precision-int8-unsupported',
      'warning',
      figures,
      text(
        () =>
          `No serving engine stores the KV cache in int8 on ${server.name}: ${list(others, 'en')} store it in fp8. Plan with fp8: the same 1 byte per value, so the node count does not change.`,
        () =>
          `Nenhum engine de serving armazena o cache KV em int8 em ${server.name}: ${list(others, 'pt-BR')} o armazenam em fp8. Planeje com fp8: o mesmo 1 byte por valor, então a contagem de nós não muda.`,
      ),
    );
  }
  return rec(
    'kv-precision-int8-unsupported',
    'warning',
    figures,
    text(
      () =>
        `Only ${list(storing, 'en')} stores the KV cache in int8; ${list(others, 'en')} store it in fp8. Unless you serve with ${list(storing, 'en')}, plan with fp8: the same 1 byte per value, so the node count does not change.`,
      () =>
        `Só o ${list(storing, 'pt-BR')} armazena o cache KV em int8; ${list(others, 'pt-BR')} o armazenam em fp8. A menos que sirva com ${list(storing, 'pt-BR')}, planeje com fp8: o mesmo 1 byte por valor, então a contagem de nós não muda.`,
    ),
  );
}

/** An infeasible plan in a wide precision: say what fp8 does, as re-sizing found it, never "may". */
function infeasiblePrecisionAdvice(p: string, times: { en: string; pt: string }, fp8Fix: FeasibilityFix | undefined): Recommendation {
  if (!fp8Fix) {
    return rec(
      'kv-precision-wide',
      'warning',
      { kvPrecision: p, fp8MakesFeasible: 'no' },
      text(
        () => `${p} KV uses ${times.en} times the memory of fp8 per session, but fp8 alone does not make this plan feasible.`,
        () => `KV em ${p} usa ${times.pt} vezes a memória do fp8 por sessão, mas o fp8 sozinho não torna este plano viável.`,
      ),
    );
  }
  const figures = {
    kvPrecision: p,
    fp8MakesFeasible: 'yes',
    fp8Nodes: fp8Fix.nodes,
    fp8CapexLowUsd: fp8Fix.capexLowUsd,
    fp8CapexHighUsd: fp8Fix.capexHighUsd,
  };
  return rec(
    'kv-precision-wide',
    'warning',
    figures,
    text(
      (f) =>
        `${p} KV uses ${times.en} times the memory of fp8 per session. With fp8 this plan is feasible: ${f.count(fp8Fix.nodes, 'node')}, CapEx ${f.usdRange(fp8Fix.capexLowUsd, fp8Fix.capexHighUsd)}. Validate quality before lowering precision.`,
      (f) =>
        `KV em ${p} usa ${times.pt} vezes a memória do fp8 por sessão. Com fp8 este plano é viável: ${f.count(fp8Fix.nodes, 'node')}, CapEx de ${f.usdRange(fp8Fix.capexLowUsd, fp8Fix.capexHighUsd)}. Valide a qualidade antes de reduzir a precisão.`,
    ),
  );
}

function contextRule({ inputs, method }: RecommendationContext): Recommendation[] {
  if (inputs.effectiveContextTokens <= LONG_CONTEXT_TOKENS) return [];
  const tokens = inputs.effectiveContextTokens;
  const wide = isWiderThanFp8(inputs.kvPrecision);
  const figures = { effectiveContextTokens: tokens, kvPerSessionGiB: method.kvPerSessionGiB };
  // Cold-start I/O is the weights and does not grow with context; prefill and KV memory do.
  return [
    rec(
      'long-context',
      'warning',
      figures,
      text(
        (f) =>
          `Context of ${f.n(tokens)} tokens: prefill of long prompts sets the time to first token. Enable chunked prefill so long prompts do not stall other sessions, enable prefix caching for shared documents and system prompts, and set a time-to-first-token target measured at this context${wide ? `; keep the KV cache in fp8 (in ${inputs.kvPrecision} each session holds ${f.n(method.kvPerSessionGiB, 2)} GiB)` : ''}.`,
        (f) =>
          `Contexto de ${f.n(tokens)} tokens: o prefill de prompts longos define o tempo até o primeiro token. Ative o chunked prefill para que prompts longos não travem as outras sessões, ative o prefix caching para documentos e prompts de sistema compartilhados e defina uma meta de tempo até o primeiro token medida neste contexto${wide ? `; mantenha o cache KV em fp8 (em ${inputs.kvPrecision} cada sessão ocupa ${f.n(method.kvPerSessionGiB, 2)} GiB)` : ''}.`,
      ),
    ),
  ];
}

/**
 * Where weights load from, compared with the other profiles by the cold start they give. With a
 * cold-start target the cold-start rule speaks instead, so the two never contradict each other.
 */
function storageRule({ inputs, coldStart }: RecommendationContext): Recommendation[] {
  const chosen = coldStart.byStorage.find((s) => s.storageId === inputs.storageId);
  if (!chosen) return [];
  const fastest = coldStart.byStorage.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const figures = {
    storageId: chosen.storageId,
    coldStartS: chosen.seconds,
    fastestStorageId: fastest.storageId,
    fastestColdStartS: fastest.seconds,
  };
  if (inputs.storageId === 'profile_cloud_object') {
    return [
      rec(
        'storage-object',
        'warning',
        figures,
        text(
          (f) =>
            `${chosen.storageName.en} is slow to load weights from: a replica takes ${f.n(chosen.seconds, 1)} s to start. Avoid it for production inference; ${fastest.storageName.en} takes ${f.n(fastest.seconds, 1)} s.`,
          (f) =>
            `${chosen.storageName['pt-BR']} é lento para carregar os pesos: uma réplica leva ${f.n(chosen.seconds, 1)} s para subir. Evite-o em inferência de produção; ${fastest.storageName['pt-BR']} leva ${f.n(fastest.seconds, 1)} s.`,
        ),
      ),
    ];
  }
  if (coldStart.targetS !== null) return [];
  if (chosen.storageId === fastest.storageId) {
    return [
      rec(
        'storage-fastest',
        'info',
        figures,
        text(
          (f) => `${chosen.storageName.en} gives the fastest cold start of the storage profiles: ${f.n(chosen.seconds, 1)} s per replica.`,
          (f) =>
            `${chosen.storageName['pt-BR']} dá o cold start mais rápido entre os perfis de storage: ${f.n(chosen.seconds, 1)} s por réplica.`,
        ),
      ),
    ];
  }
  // A faster profile is worth naming only when it cuts cold start noticeably (engine init often dominates).
  if (fastest.seconds > chosen.seconds * (1 - NOTICEABLE_COLD_START_SAVING)) return [];
  return [
    rec(
      'storage-cold-start',
      'info',
      figures,
      text(
        (f) =>
          `Cold start is ${f.n(chosen.seconds, 1)} s per replica from ${chosen.storageName.en}; ${fastest.storageName.en} would take ${f.n(fastest.seconds, 1)} s.`,
        (f) =>
          `O cold start é de ${f.n(chosen.seconds, 1)} s por réplica a partir de ${chosen.storageName['pt-BR']}; ${fastest.storageName['pt-BR']} levaria ${f.n(fastest.seconds, 1)} s.`,
      ),
    ),
  ];
}

function coldStartRule({ coldStart }: RecommendationContext): Recommendation[] {
  if (coldStart.targetS === null) return [];
  const target = coldStart.targetS;
  const figures = { coldStartS: coldStart.seconds, targetS: target };
  if (coldStart.meetsTarget) {
    return [
      rec(
        'cold-start-met',
        'info',
        figures,
        text(
          (f) => `Cold start of ${f.n(coldStart.seconds, 1)} s per replica meets the ${f.n(target, 1)} s target.`,
          (f) => `Cold start de ${f.n(coldStart.seconds, 1)} s por réplica atende a meta de ${f.n(target, 1)} s.`,
        ),
      ),
    ];
  }
  const meeting = coldStart.byStorage.filter((s) => s.meetsTarget);
  const init = coldStart.engineInitS;
  const parts = { coldStartS: coldStart.seconds, readS: coldStart.readSeconds, engineInitS: init };
  const en = (f: Fmt) =>
    `Cold start of ${f.n(coldStart.seconds, 1)} s per replica misses the ${f.n(target, 1)} s target (${f.n(coldStart.readSeconds, 1)} s reading weights, ${f.n(init, 0)} s engine initialisation).`;
  const pt = (f: Fmt) =>
    `Cold start de ${f.n(coldStart.seconds, 1)} s por réplica não atende a meta de ${f.n(target, 1)} s (${f.n(coldStart.readSeconds, 1)} s lendo os pesos, ${f.n(init, 0)} s de inicialização do engine).`;
  if (meeting.length > 0) {
    const names = meeting.map((s) => s.storageName);
    return [
      rec(
        'cold-start-missed',
        'warning',
        { ...figures, ...parts, meetingProfiles: meeting.map((s) => s.storageId).join(', ') },
        text(
          (f) => `${en(f)} Storage that would meet it: ${names.map((n) => n.en).join(', ')}.`,
          (f) => `${pt(f)} Storage que atenderia: ${names.map((n) => n['pt-BR']).join(', ')}.`,
        ),
      ),
    ];
  }
  const initAlone = init >= target;
  return [
    rec(
      'cold-start-missed',
      'warning',
      { ...figures, ...parts, meetingProfiles: '' },
      text(
        (f) =>
          `${en(f)} No storage profile meets it${initAlone ? ': engine initialisation alone exceeds the target' : ''}. Keep warm replicas ahead of demand, and cut initialisation with a warm compile cache.`,
        (f) =>
          `${pt(f)} Nenhum perfil de storage atende${initAlone ? ': só a inicialização do engine já passa da meta' : ''}. Mantenha réplicas aquecidas à frente da demanda e reduza a inicialização com um cache de compilação aquecido.`,
      ),
    ),
  ];
}

function haRule({ inputs, method }: RecommendationContext): Recommendation[] {
  const out: Recommendation[] = [];
  const nodes = method.nodes;
  if (inputs.ha === 'none' && nodes && nodes.total === 1) {
    out.push(
      rec(
        'ha-single-node',
        'warning',
        { nodes: 1 },
        text(
          () =>
            'One node without redundancy is a single point of failure: any hardware fault, driver update or maintenance stops the service. For production, add N+1 (one spare node).',
          () =>
            'Um único nó sem redundância é um ponto único de falha: qualquer defeito de hardware, atualização de driver ou manutenção para o serviço. Em produção, adicione N+1 (um nó de reserva).',
        ),
      ),
    );
  } else if (inputs.ha === 'none' && nodes) {
    const threshold = Math.ceil(HA_PLANNING_UTILISATION * nodes.total * method.sessionsPerNode);
    const reached = inputs.concurrency >= threshold;
    const utilisationNow = method.utilisationRatio ?? 0;
    const figures = {
      planN1AtConcurrency: threshold,
      utilisationRatio: HA_PLANNING_UTILISATION,
      ...(reached ? { plannedUtilisationRatio: utilisationNow } : {}),
    };
    out.push(
      rec(
        'ha-plan-n1',
        reached ? 'warning' : 'info',
        figures,
        text(
          (f) =>
            reached
              ? `No N+1: the planned nodes are already at ${f.pct(method.utilisationRatio ?? 0, 0)} utilisation (≥ 70%), so losing one node drops sessions. Plan an N+1 node now.`
              : `No N+1 redundancy: losing one of the ${f.n(nodes.total)} nodes removes ${f.pct(1 / nodes.total, 0)} of capacity. Plan N+1 at the latest when concurrency reaches ${f.count(threshold, 'session')} (70% utilisation of the planned nodes).`,
          (f) =>
            reached
              ? `Sem N+1: os nós planejados já estão com ${f.pct(method.utilisationRatio ?? 0, 0)} de utilização (≥ 70%), então a perda de um nó derruba sessões. Planeje um nó N+1 agora.`
              : `Sem redundância N+1: a perda de um dos ${f.n(nodes.total)} nós retira ${f.pct(1 / nodes.total, 0)} da capacidade. Planeje N+1 no máximo quando a concorrência chegar a ${f.count(threshold, 'session')} (70% de utilização dos nós planejados).`,
        ),
      ),
    );
  }
  const target = inputs.availabilityTarget;
  if (target !== undefined && target > HIGH_AVAILABILITY_TARGET && inputs.ha === 'none') {
    out.push(
      rec(
        'ha-availability',
        'critical',
        { availabilityTarget: target },
        text(
          (f) => `An availability target of ${f.pct(target, 2)} is above 99.9%: a single node failure would breach it. Plan N+1.`,
          (f) => `Uma meta de disponibilidade de ${f.pct(target, 2)} está acima de 99,9%: a falha de um único nó a violaria. Planeje N+1.`,
        ),
      ),
    );
  }
  return out;
}

function growthRule({ nextNodeAtConcurrency, inputs }: RecommendationContext): Recommendation[] {
  if (nextNodeAtConcurrency === null) return [];
  return [
    rec(
      'growth-next-node',
      'info',
      { nextNodeAtConcurrency },
      text(
        (f) =>
          `With ${f.pct(inputs.peakHeadroomRatio, 0)} headroom, one more node becomes necessary at ${f.count(nextNodeAtConcurrency, 'session')}.`,
        (f) =>
          `Com ${f.pct(inputs.peakHeadroomRatio, 0)} de headroom, mais um nó se torna necessário com ${f.count(nextNodeAtConcurrency, 'session')}.`,
      ),
    ),
  ];
}

function headroomRule({ inputs }: RecommendationContext): Recommendation[] {
  const h = inputs.peakHeadroomRatio;
  const figures = { peakHeadroomRatio: h };
  const id = 'headroom';
  if (h < 0.1) {
    return [
      rec(
        id,
        'warning',
        figures,
        text(
          (f) => `Peak headroom of ${f.pct(h, 0)} is thin: 10–20% suits organic growth, 30–40% seasonal or variable traffic.`,
          (f) => `Headroom de pico de ${f.pct(h, 0)} é pequeno: 10–20% atende crescimento orgânico, 30–40% tráfego sazonal ou variável.`,
        ),
      ),
    ];
  }
  if (h > 0.5) {
    return [
      rec(
        id,
        'warning',
        figures,
        text(
          (f) => `Peak headroom of ${f.pct(h, 0)} is above 50%: that is over-provisioning unless traffic is extremely bursty.`,
          (f) =>
            `Headroom de pico de ${f.pct(h, 0)} está acima de 50%: é superdimensionamento, a menos que o tráfego seja extremamente irregular.`,
        ),
      ),
    ];
  }
  const band = h <= 0.2 ? 'organic' : h <= 0.4 ? 'seasonal' : 'generous';
  const en = {
    organic: 'suits organic growth',
    seasonal: 'suits seasonal or variable traffic',
    generous: 'is generous; 30–40% usually covers variable traffic',
  }[band];
  const pt = {
    organic: 'atende crescimento orgânico',
    seasonal: 'atende tráfego sazonal ou variável',
    generous: 'é generoso; 30–40% costuma cobrir tráfego variável',
  }[band];
  return [
    rec(
      id,
      'info',
      { ...figures, band },
      text(
        (f) => `Peak headroom of ${f.pct(h, 0)} ${en}.`,
        (f) => `Headroom de pico de ${f.pct(h, 0)} ${pt}.`,
      ),
    ),
  ];
}

/**
 * KV-cache fill at the planned load against the alert line. Engines pre-allocate the KV budget at
 * start-up, so HBM use is flat; how full the KV cache is, is what moves with load.
 */
function kvUsageRule({ memory, method, inputs }: RecommendationContext): Recommendation[] {
  if (!memory || method.kvBudgetGiB <= 0) return [];
  const kvUsage = memory.kvInUseGiB / method.kvBudgetGiB;
  if (kvUsage <= inputs.hbmAlertRatio) return [];
  return [
    rec(
      'kv-cache-high',
      'warning',
      { kvUsageRatio: kvUsage, alertRatio: inputs.hbmAlertRatio },
      text(
        (f) =>
          `At the planned load each node's KV cache is ${f.pct(kvUsage)} full, above the ${f.pct(inputs.hbmAlertRatio, 0)} alert line: near full, engines queue or preempt requests. Add headroom or a node.`,
        (f) =>
          `Na carga planejada o cache KV de cada nó fica ${f.pct(kvUsage)} cheio, acima da linha de alerta de ${f.pct(inputs.hbmAlertRatio, 0)}: perto do limite, os engines enfileiram ou preemptam requisições. Aumente o headroom ou adicione um nó.`,
      ),
    ),
  ];
}

/**
 * What operators alert on, in the metric families serving engines export (vLLM: kv_cache_usage_perc,
 * num_requests_waiting, num_preemptions, time_to_first_token_seconds, inter_token_latency_seconds;
 * https://docs.vllm.ai/en/latest/design/metrics.html). HBM use is not one: it is pre-allocated.
 */
function operationsRule({ inputs }: RecommendationContext): Recommendation[] {
  const figures = {
    hbmAlertRatio: inputs.hbmAlertRatio,
    scaleUpRatio: inputs.scaleUpRatio,
    scaleDownRatio: inputs.scaleDownRatio,
    scaleDownMinutes: inputs.scaleDownMinutes,
  };
  return [
    rec(
      'operations',
      'info',
      figures,
      text(
        (f) =>
          `Operations: alert on KV-cache usage above ${f.pct(inputs.hbmAlertRatio, 0)}, requests waiting in the queue, preemptions, and P99 time to first token and inter-token latency; scale up above ${f.pct(inputs.scaleUpRatio, 0)} utilisation and down below ${f.pct(inputs.scaleDownRatio, 0)}, sustained for ${f.n(inputs.scaleDownMinutes)} minutes.`,
        (f) =>
          `Operação: alerte quando o uso do cache KV passar de ${f.pct(inputs.hbmAlertRatio, 0)}, quando houver requisições esperando na fila ou preempções, e acompanhe o P99 do tempo até o primeiro token e da latência entre tokens; aumente a escala acima de ${f.pct(inputs.scaleUpRatio, 0)} de utilização e reduza abaixo de ${f.pct(inputs.scaleDownRatio, 0)}, mantida por ${f.n(inputs.scaleDownMinutes)} minutos.`,
      ),
    ),
  ];
}
