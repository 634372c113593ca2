import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, planScenario, TEMPLATES, type Recommendation, type SizingInputs } from '../../../src-main/engine/index.js';

/**
 * The advice as people read it, in both languages: each message once, with the scenario that
 * produces it. Rewording advice is a deliberate change, made here too.
 */
const base = TEMPLATES[0]!.inputs;
const SCENARIOS: Record<string, SizingInputs> = {
  saas: base,
  weights: { ...base, modelId: 'llama-3.1-405b', serverId: 'dgx100', runtimeOverheadGiB: 10 },
  object: { ...base, concurrency: 1500, storageId: 'profile_cloud_object', coldStartTargetS: 2, peakHeadroomRatio: 0.05 },
  n1now: { ...base, concurrency: 1700, peakHeadroomRatio: 0, availabilityTarget: 0.9999, coldStartTargetS: 60 },
  fp16: { ...base, kvPrecision: 'fp16', peakHeadroomRatio: 0.6, effectiveContextTokens: 131072, storageId: 'profile_network_ssd' },
  fp32: { ...base, kvPrecision: 'fp32', concurrency: 20, peakHeadroomRatio: 0.35, storageId: 'profile_ram_cache', coldStartTargetS: 0.1, engineInitS: 5 },
  fp32inf: { ...base, kvPrecision: 'fp32', modelId: 'llama-3.1-405b', serverId: 'dgx100', effectiveContextTokens: 131072, kvBudgetRatio: 0.2, runtimeOverheadGiB: 100 },
  generous: { ...base, peakHeadroomRatio: 0.45, kvPrecision: 'bf16' },
};

type Said = [id: string, severity: Recommendation['severity'], en: string, ptBR: string];

const EXPECTED: Record<string, Said[]> = {
  saas: [
    ["kv-precision-fp8", "info",
      "KV cache in fp8 is the cost-effective choice; validate output quality on your own evaluations before lowering precision further.",
      "Cache KV em fp8 é a escolha custo-efetiva; valide a qualidade nas suas próprias avaliações antes de reduzir ainda mais a precisão."],
    ["storage-local", "info",
      "Local NVMe is the best storage for cold start.",
      "NVMe local é o melhor storage para cold start."],
    ["ha-plan-n1", "info",
      "No N+1 redundancy: plan N+1 when concurrency reaches 1,218 sessions (70% utilisation of the planned nodes).",
      "Sem redundância N+1: planeje N+1 quando a concorrência chegar a 1.218 sessões (70% de utilização dos nós planejados)."],
    ["growth-next-node", "info",
      "With 20% headroom, one more node becomes necessary at 1,451 concurrent sessions.",
      "Com 20% de headroom, mais um nó se torna necessário com 1.451 sessões simultâneas."],
    ["headroom", "info",
      "Peak headroom of 20% suits organic growth.",
      "Headroom de pico de 20% atende crescimento orgânico."],
    ["operations", "info",
      "Operations: alert when HBM use per node passes 85%; scale up above 70% utilisation and down below 30% sustained for 10 minutes; watch P99 latency.",
      "Operação: alerte quando o uso de HBM por nó passar de 85%; escale para cima acima de 70% de utilização e para baixo abaixo de 30% sustentado por 10 minutos; acompanhe a latência P99."],
  ],
  weights: [
    ["weights-do-not-fit", "critical",
      "The model weights (377 GiB) do not fit in the memory left outside the KV budget (188.81 GiB). Lower the KV budget ratio or raise the runtime overhead to cover the weights.",
      "Os pesos do modelo (377 GiB) não cabem na memória fora do orçamento KV (188,81 GiB). Reduza a razão de orçamento KV ou aumente o overhead de runtime para cobrir os pesos."],
    ["ha-plan-n1", "warning",
      "No N+1: the planned nodes are already at 82% utilisation (N+1 was due from 857 sessions, 70%). Plan an N+1 node now.",
      "Sem N+1: os nós planejados já estão com 82% de utilização (o N+1 era necessário a partir de 857 sessões, 70%). Planeje um nó N+1 agora."],
    ["hbm-high", "warning",
      "At the planned load each node uses 86.7% of its HBM, above the 85% alert line. Add headroom or a node.",
      "Na carga planejada cada nó usa 86,7% da HBM, acima do limite de alerta de 85%. Aumente o headroom ou adicione um nó."],
    ["growth-next-node", "info",
      "With 20% headroom, one more node becomes necessary at 1,021 concurrent sessions.",
      "Com 20% de headroom, mais um nó se torna necessário com 1.021 sessões simultâneas."],
  ],
  object: [
    ["storage-object", "warning",
      "Cloud object storage is slow to load weights from: avoid it for production inference; use local NVMe or a RAM cache.",
      "Storage de objetos em nuvem é lento para carregar pesos: evite-o em inferência de produção; use NVMe local ou cache em RAM."],
    ["cold-start-missed", "warning",
      "Cold start of 27.5 s misses the 2 s target. Storage that would meet it: profile_default, profile_ram_cache.",
      "Cold start de 27,5 s não atende a meta de 2 s. Storage que atenderia: profile_default, profile_ram_cache."],
    ["ha-plan-n1", "warning",
      "No N+1: the planned nodes are already at 86% utilisation (N+1 was due from 1,218 sessions, 70%). Plan an N+1 node now.",
      "Sem N+1: os nós planejados já estão com 86% de utilização (o N+1 era necessário a partir de 1.218 sessões, 70%). Planeje um nó N+1 agora."],
    ["headroom", "warning",
      "Peak headroom of 5% is thin: 10–20% suits organic growth, 30–40% seasonal or variable traffic.",
      "Headroom de pico de 5% é pequeno: 10–20% atende crescimento orgânico, 30–40% tráfego sazonal ou variável."],
    ["hbm-high", "warning",
      "At the planned load each node uses 91.4% of its HBM, above the 85% alert line. Add headroom or a node.",
      "Na carga planejada cada nó usa 91,4% da HBM, acima do limite de alerta de 85%. Aumente o headroom ou adicione um nó."],
    ["growth-next-node", "info",
      "With 5% headroom, one more node becomes necessary at 1,658 concurrent sessions.",
      "Com 5% de headroom, mais um nó se torna necessário com 1.658 sessões simultâneas."],
  ],
  n1now: [
    ["ha-availability", "critical",
      "An availability target of 99.99% is above 99.9%: a single node failure would breach it. Plan N+1.",
      "Uma meta de disponibilidade de 99,99% está acima de 99,9%: a falha de um único nó a violaria. Planeje N+1."],
    ["ha-plan-n1", "warning",
      "No N+1: the planned nodes are already at 98% utilisation (N+1 was due from 1,218 sessions, 70%). Plan an N+1 node now.",
      "Sem N+1: os nós planejados já estão com 98% de utilização (o N+1 era necessário a partir de 1.218 sessões, 70%). Planeje um nó N+1 agora."],
    ["headroom", "warning",
      "Peak headroom of 0% is thin: 10–20% suits organic growth, 30–40% seasonal or variable traffic.",
      "Headroom de pico de 0% é pequeno: 10–20% atende crescimento orgânico, 30–40% tráfego sazonal ou variável."],
    ["hbm-high", "warning",
      "At the planned load each node uses 98.5% of its HBM, above the 85% alert line. Add headroom or a node.",
      "Na carga planejada cada nó usa 98,5% da HBM, acima do limite de alerta de 85%. Aumente o headroom ou adicione um nó."],
    ["cold-start-met", "info",
      "Cold start of 1.4 s meets the 60 s target.",
      "Cold start de 1,4 s atende a meta de 60 s."],
    ["growth-next-node", "info",
      "With 0% headroom, one more node becomes necessary at 1,741 concurrent sessions.",
      "Com 0% de headroom, mais um nó se torna necessário com 1.741 sessões simultâneas."],
  ],
  fp16: [
    ["kv-precision-wide", "warning",
      "fp16 KV doubles memory per session against fp8. With fp8 this plan needs 4 node(s) instead of 8: 4 fewer (50%), saving about USD 1.2 M–USD 1.6 M of CapEx. Validate quality on your own evaluations before lowering precision.",
      "KV em fp16 dobra a memória por sessão em relação ao fp8. Com fp8 este plano precisa de 4 nó(s) em vez de 8: 4 a menos (50%), economia de cerca de USD 1,2 M–USD 1,6 M de CapEx. Valide a qualidade nas suas avaliações antes de reduzir a precisão."],
    ["long-context", "warning",
      "Context of 131,072 tokens: prefill latency and cold-start I/O dominate. Monitor prefill latency and consider chunking very long documents.",
      "Contexto de 131.072 tokens: a latência de prefill e o I/O de cold start dominam. Monitore a latência de prefill e considere dividir documentos muito longos em partes."],
    ["headroom", "warning",
      "Peak headroom of 60% is above 50%: that is over-provisioning unless traffic is extremely bursty.",
      "Headroom de pico de 60% está acima de 50%: é superdimensionamento, a menos que o tráfego seja extremamente irregular."],
    ["storage-network", "info",
      "Network SSD is fine for non-critical loads; local NVMe gives the fastest cold start.",
      "SSD em rede atende cargas não críticas; NVMe local dá o cold start mais rápido."],
    ["ha-plan-n1", "info",
      "No N+1 redundancy: plan N+1 when concurrency reaches 1,221 sessions (70% utilisation of the planned nodes).",
      "Sem redundância N+1: planeje N+1 quando a concorrência chegar a 1.221 sessões (70% de utilização dos nós planejados)."],
    ["growth-next-node", "info",
      "With 60% headroom, one more node becomes necessary at 1,091 concurrent sessions.",
      "Com 60% de headroom, mais um nó se torna necessário com 1.091 sessões simultâneas."],
  ],
  fp32: [
    ["cold-start-missed", "warning",
      "Cold start of 5.3 s misses the 0.1 s target. No storage profile meets it: keep warm replicas or reduce engine initialisation.",
      "Cold start de 5,3 s não atende a meta de 0,1 s. Nenhum perfil de storage atende: mantenha réplicas aquecidas ou reduza a inicialização do engine."],
    ["kv-precision-wide", "info",
      "fp32 KV quadruples memory per session against fp8. With fp8 this plan needs 1 node(s) instead of 1: 0 fewer (0%), saving about USD 0–USD 0 of CapEx. Validate quality on your own evaluations before lowering precision.",
      "KV em fp32 quadruplica a memória por sessão em relação ao fp8. Com fp8 este plano precisa de 1 nó(s) em vez de 1: 0 a menos (0%), economia de cerca de USD 0–USD 0 de CapEx. Valide a qualidade nas suas avaliações antes de reduzir a precisão."],
    ["ha-plan-n1", "info",
      "No N+1 redundancy: plan N+1 when concurrency reaches 305 sessions (70% utilisation of the planned nodes).",
      "Sem redundância N+1: planeje N+1 quando a concorrência chegar a 305 sessões (70% de utilização dos nós planejados)."],
    ["growth-next-node", "info",
      "With 35% headroom, one more node becomes necessary at 323 concurrent sessions.",
      "Com 35% de headroom, mais um nó se torna necessário com 323 sessões simultâneas."],
    ["headroom", "info",
      "Peak headroom of 35% suits seasonal or variable traffic.",
      "Headroom de pico de 35% atende tráfego sazonal ou variável."],
  ],
  fp32inf: [
    ["kv-precision-wide", "warning",
      "fp32 KV uses four times the memory of fp8 per session; fp8 may make this plan feasible. Validate quality before lowering precision.",
      "KV em fp32 usa quatro vezes a memória do fp8 por sessão; fp8 pode tornar este plano viável. Valide a qualidade antes de reduzir a precisão."],
  ],
  generous: [
    ["kv-precision-wide", "warning",
      "bf16 KV doubles memory per session against fp8. With fp8 this plan needs 1 node(s) instead of 2: 1 fewer (50%), saving about USD 300 k–USD 400 k of CapEx. Validate quality on your own evaluations before lowering precision.",
      "KV em bf16 dobra a memória por sessão em relação ao fp8. Com fp8 este plano precisa de 1 nó(s) em vez de 2: 1 a menos (50%), economia de cerca de USD 300 k–USD 400 k de CapEx. Valide a qualidade nas suas avaliações antes de reduzir a precisão."],
    ["growth-next-node", "info",
      "With 45% headroom, one more node becomes necessary at 1,201 concurrent sessions.",
      "Com 45% de headroom, mais um nó se torna necessário com 1.201 sessões simultâneas."],
    ["headroom", "info",
      "Peak headroom of 45% is generous; 30–40% usually covers variable traffic.",
      "Headroom de pico de 45% é generoso; 30–40% costuma cobrir tráfego variável."],
  ],
};

const SEVERITY_ORDER = ['critical', 'warning', 'info'];

describe('recommendations, word for word', () => {
  for (const [name, inputs] of Object.entries(SCENARIOS)) {
    it(`${name}: says what it should, most severe first`, () => {
      const said = planScenario(inputs, BUILT_IN_CATALOG).recommendations.map((r): Said => [r.id, r.severity, r.message.en, r.message['pt-BR']]);
      for (const expected of EXPECTED[name] ?? []) expect(said).toContainEqual(expected);
      const ranks = said.map(([, severity]) => SEVERITY_ORDER.indexOf(severity));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });
  }
});
