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
  fp32: {
    ...base,
    kvPrecision: 'fp32',
    concurrency: 20,
    peakHeadroomRatio: 0.35,
    storageId: 'profile_ram_cache',
    coldStartTargetS: 0.1,
    engineInitS: 5,
  },
  fp32inf: {
    ...base,
    kvPrecision: 'fp32',
    modelId: 'llama-3.1-405b',
    serverId: 'dgx100',
    effectiveContextTokens: 131072,
    kvBudgetRatio: 0.2,
    runtimeOverheadGiB: 100,
  },
  generous: { ...base, peakHeadroomRatio: 0.45, kvPrecision: 'bf16' },
};

type Said = [id: string, severity: Recommendation['severity'], en: string, ptBR: string];

const EXPECTED: Record<string, Said[]> = {
  saas: [
    [
      'ha-single-node',
      'warning',
      'One node without redundancy is a single point of failure: any hardware fault, driver update or maintenance stops the service. For production, add N+1 (one spare node).',
      'Um único nó sem redundância é um ponto único de falha: qualquer defeito de hardware, atualização de driver ou manutenção para o serviço. Em produção, adicione N+1 (um nó de reserva).',
    ],
    [
      'kv-precision-fp8',
      'info',
      'KV cache in fp8 is the cost-effective choice; validate output quality on your own evaluations before lowering precision further.',
      'Cache KV em fp8 é a escolha de melhor custo-benefício; valide a qualidade nas suas próprias avaliações antes de reduzir ainda mais a precisão.',
    ],
    [
      'growth-next-node',
      'info',
      'With 20% headroom, one more node becomes necessary at 1,451 sessions.',
      'Com 20% de headroom, mais um nó se torna necessário com 1.451 sessões.',
    ],
    ['headroom', 'info', 'Peak headroom of 20% suits organic growth.', 'Headroom de pico de 20% atende crescimento orgânico.'],
    [
      'operations',
      'info',
      'Operations: alert on KV-cache usage above 85%, requests waiting in the queue, preemptions, and P99 time to first token and inter-token latency; scale up above 70% utilisation and down below 30%, sustained for 10 minutes.',
      'Operação: alerte quando o uso do cache KV passar de 85%, quando houver requisições esperando na fila ou preempções, e acompanhe o P99 do tempo até o primeiro token e da latência entre tokens; aumente a escala acima de 70% de utilização e reduza abaixo de 30%, mantida por 10 minutos.',
    ],
  ],
  weights: [
    [
      'weights-do-not-fit',
      'critical',
      'The model weights (377 GiB) do not fit in the memory left outside the KV budget (188.81 GiB). Lower the KV budget ratio or raise the runtime overhead to cover the weights.',
      'Os pesos do modelo (377 GiB) não cabem na memória fora do orçamento KV (188,81 GiB). Reduza a razão de orçamento KV ou aumente o overhead de runtime para cobrir os pesos.',
    ],
    [
      'kv-precision-fp8',
      'info',
      'KV cache in fp8 is the cost-effective choice; validate output quality on your own evaluations before lowering precision further.',
      'Cache KV em fp8 é a escolha de melhor custo-benefício; valide a qualidade nas suas próprias avaliações antes de reduzir ainda mais a precisão.',
    ],
    [
      'storage-cold-start',
      'info',
      'Cold start is 100.5 s per replica from Local NVMe; Host RAM cache would take 70.1 s.',
      'O cold start é de 100,5 s por réplica a partir de NVMe local; Cache em RAM do host levaria 70,1 s.',
    ],
    ['headroom', 'info', 'Peak headroom of 20% suits organic growth.', 'Headroom de pico de 20% atende crescimento orgânico.'],
    [
      'operations',
      'info',
      'Operations: alert on KV-cache usage above 85%, requests waiting in the queue, preemptions, and P99 time to first token and inter-token latency; scale up above 70% utilisation and down below 30%, sustained for 10 minutes.',
      'Operação: alerte quando o uso do cache KV passar de 85%, quando houver requisições esperando na fila ou preempções, e acompanhe o P99 do tempo até o primeiro token e da latência entre tokens; aumente a escala acima de 70% de utilização e reduza abaixo de 30%, mantida por 10 minutos.',
    ],
  ],
  object: [
    [
      'storage-object',
      'warning',
      'Cloud object storage is slow to load weights from: a replica takes 87.5 s to start. Avoid it for production inference; Host RAM cache takes 60.3 s.',
      'Storage de objetos em nuvem é lento para carregar os pesos: uma réplica leva 87,5 s para subir. Evite-o em inferência de produção; Cache em RAM do host leva 60,3 s.',
    ],
    [
      'cold-start-missed',
      'warning',
      'Cold start of 87.5 s per replica misses the 2 s target (27.5 s reading weights, 60 s engine initialisation). No storage profile meets it: engine initialisation alone exceeds the target. Keep warm replicas ahead of demand, and cut initialisation with a warm compile cache.',
      'Cold start de 87,5 s por réplica não atende a meta de 2 s (27,5 s lendo os pesos, 60 s de inicialização do engine). Nenhum perfil de storage atende: só a inicialização do engine já passa da meta. Mantenha réplicas aquecidas à frente da demanda e reduza a inicialização com um cache de compilação aquecido.',
    ],
    [
      'ha-single-node',
      'warning',
      'One node without redundancy is a single point of failure: any hardware fault, driver update or maintenance stops the service. For production, add N+1 (one spare node).',
      'Um único nó sem redundância é um ponto único de falha: qualquer defeito de hardware, atualização de driver ou manutenção para o serviço. Em produção, adicione N+1 (um nó de reserva).',
    ],
    [
      'headroom',
      'warning',
      'Peak headroom of 5% is thin: 10–20% suits organic growth, 30–40% seasonal or variable traffic.',
      'Headroom de pico de 5% é pequeno: 10–20% atende crescimento orgânico, 30–40% tráfego sazonal ou variável.',
    ],
    [
      'kv-cache-high',
      'warning',
      "At the planned load each node's KV cache is 86.2% full, above the 85% alert line: near full, engines queue or preempt requests. Add headroom or a node.",
      'Na carga planejada o cache KV de cada nó fica 86,2% cheio, acima da linha de alerta de 85%: perto do limite, os engines enfileiram ou preemptam requisições. Aumente o headroom ou adicione um nó.',
    ],
    [
      'kv-precision-fp8',
      'info',
      'KV cache in fp8 is the cost-effective choice; validate output quality on your own evaluations before lowering precision further.',
      'Cache KV em fp8 é a escolha de melhor custo-benefício; valide a qualidade nas suas próprias avaliações antes de reduzir ainda mais a precisão.',
    ],
    [
      'growth-next-node',
      'info',
      'With 5% headroom, one more node becomes necessary at 1,658 sessions.',
      'Com 5% de headroom, mais um nó se torna necessário com 1.658 sessões.',
    ],
    [
      'operations',
      'info',
      'Operations: alert on KV-cache usage above 85%, requests waiting in the queue, preemptions, and P99 time to first token and inter-token latency; scale up above 70% utilisation and down below 30%, sustained for 10 minutes.',
      'Operação: alerte quando o uso do cache KV passar de 85%, quando houver requisições esperando na fila ou preempções, e acompanhe o P99 do tempo até o primeiro token e da latência entre tokens; aumente a escala acima de 70% de utilização e reduza abaixo de 30%, mantida por 10 minutos.',
    ],
  ],
  n1now: [
    [
      'ha-availability',
      'critical',
      'An availability target of 99.99% is above 99.9%: a single node failure would breach it. Plan N+1.',
      'Uma meta de disponibilidade de 99,99% está acima de 99,9%: a falha de um único nó a violaria. Planeje N+1.',
    ],
    [
      'cold-start-missed',
      'warning',
      'Cold start of 61.4 s per replica misses the 60 s target (1.4 s reading weights, 60 s engine initialisation). No storage profile meets it: engine initialisation alone exceeds the target. Keep warm replicas ahead of demand, and cut initialisation with a warm compile cache.',
      'Cold start de 61,4 s por réplica não atende a meta de 60 s (1,4 s lendo os pesos, 60 s de inicialização do engine). Nenhum perfil de storage atende: só a inicialização do engine já passa da meta. Mantenha réplicas aquecidas à frente da demanda e reduza a inicialização com um cache de compilação aquecido.',
    ],
    [
      'ha-single-node',
      'warning',
      'One node without redundancy is a single point of failure: any hardware fault, driver update or maintenance stops the service. For production, add N+1 (one spare node).',
      'Um único nó sem redundância é um ponto único de falha: qualquer defeito de hardware, atualização de driver ou manutenção para o serviço. Em produção, adicione N+1 (um nó de reserva).',
    ],
    [
      'headroom',
      'warning',
      'Peak headroom of 0% is thin: 10–20% suits organic growth, 30–40% seasonal or variable traffic.',
      'Headroom de pico de 0% é pequeno: 10–20% atende crescimento orgânico, 30–40% tráfego sazonal ou variável.',
    ],
    [
      'kv-cache-high',
      'warning',
      "At the planned load each node's KV cache is 97.7% full, above the 85% alert line: near full, engines queue or preempt requests. Add headroom or a node.",
      'Na carga planejada o cache KV de cada nó fica 97,7% cheio, acima da linha de alerta de 85%: perto do limite, os engines enfileiram ou preemptam requisições. Aumente o headroom ou adicione um nó.',
    ],
    [
      'kv-precision-fp8',
      'info',
      'KV cache in fp8 is the cost-effective choice; validate output quality on your own evaluations before lowering precision further.',
      'Cache KV em fp8 é a escolha de melhor custo-benefício; valide a qualidade nas suas próprias avaliações antes de reduzir ainda mais a precisão.',
    ],
    [
      'growth-next-node',
      'info',
      'With 0% headroom, one more node becomes necessary at 1,741 sessions.',
      'Com 0% de headroom, mais um nó se torna necessário com 1.741 sessões.',
    ],
    [
      'operations',
      'info',
      'Operations: alert on KV-cache usage above 85%, requests waiting in the queue, preemptions, and P99 time to first token and inter-token latency; scale up above 70% utilisation and down below 30%, sustained for 10 minutes.',
      'Operação: alerte quando o uso do cache KV passar de 85%, quando houver requisições esperando na fila ou preempções, e acompanhe o P99 do tempo até o primeiro token e da latência entre tokens; aumente a escala acima de 70% de utilização e reduza abaixo de 30%, mantida por 10 minutos.',
    ],
  ],
  fp16: [
    [
      'kv-precision-wide',
      'warning',
      'fp16 KV doubles memory per session against fp8. With fp8 this plan needs 4 nodes instead of 8: 4 fewer (50%), saving about USD 1.3 M – USD 1.7 M of CapEx. Validate quality on your own evaluations before lowering precision.',
      'KV em fp16 dobra a memória por sessão em relação ao fp8. Com fp8 este plano precisa de 4 nós em vez de 8: 4 a menos (50%), economia de cerca de USD 1,3 M – USD 1,7 M de CapEx. Valide a qualidade nas suas avaliações antes de reduzir a precisão.',
    ],
    [
      'long-context',
      'warning',
      'Context of 131,072 tokens: prefill of long prompts sets the time to first token. Enable chunked prefill so long prompts do not stall other sessions, enable prefix caching for shared documents and system prompts, and set a time-to-first-token target measured at this context; keep the KV cache in fp8 (in fp16 each session holds 3 GiB).',
      'Contexto de 131.072 tokens: o prefill de prompts longos define o tempo até o primeiro token. Ative o chunked prefill para que prompts longos não travem as outras sessões, ative o prefix caching para documentos e prompts de sistema compartilhados e defina uma meta de tempo até o primeiro token medida neste contexto; mantenha o cache KV em fp8 (em fp16 cada sessão ocupa 3 GiB).',
    ],
    [
      'headroom',
      'warning',
      'Peak headroom of 60% is above 50%: that is over-provisioning unless traffic is extremely bursty.',
      'Headroom de pico de 60% está acima de 50%: é superdimensionamento, a menos que o tráfego seja extremamente irregular.',
    ],
    [
      'ha-plan-n1',
      'info',
      'No N+1 redundancy: losing one of the 8 nodes removes 13% of capacity. Plan N+1 at the latest when concurrency reaches 1,221 sessions (70% utilisation of the planned nodes).',
      'Sem redundância N+1: a perda de um dos 8 nós retira 13% da capacidade. Planeje N+1 no máximo quando a concorrência chegar a 1.221 sessões (70% de utilização dos nós planejados).',
    ],
    [
      'growth-next-node',
      'info',
      'With 60% headroom, one more node becomes necessary at 1,091 sessions.',
      'Com 60% de headroom, mais um nó se torna necessário com 1.091 sessões.',
    ],
    [
      'operations',
      'info',
      'Operations: alert on KV-cache usage above 85%, requests waiting in the queue, preemptions, and P99 time to first token and inter-token latency; scale up above 70% utilisation and down below 30%, sustained for 10 minutes.',
      'Operação: alerte quando o uso do cache KV passar de 85%, quando houver requisições esperando na fila ou preempções, e acompanhe o P99 do tempo até o primeiro token e da latência entre tokens; aumente a escala acima de 70% de utilização e reduza abaixo de 30%, mantida por 10 minutos.',
    ],
  ],
  fp32: [
    [
      'cold-start-missed',
      'warning',
      'Cold start of 5.3 s per replica misses the 0.1 s target (0.3 s reading weights, 5 s engine initialisation). No storage profile meets it: engine initialisation alone exceeds the target. Keep warm replicas ahead of demand, and cut initialisation with a warm compile cache.',
      'Cold start de 5,3 s por réplica não atende a meta de 0,1 s (0,3 s lendo os pesos, 5 s de inicialização do engine). Nenhum perfil de storage atende: só a inicialização do engine já passa da meta. Mantenha réplicas aquecidas à frente da demanda e reduza a inicialização com um cache de compilação aquecido.',
    ],
    [
      'ha-single-node',
      'warning',
      'One node without redundancy is a single point of failure: any hardware fault, driver update or maintenance stops the service. For production, add N+1 (one spare node).',
      'Um único nó sem redundância é um ponto único de falha: qualquer defeito de hardware, atualização de driver ou manutenção para o serviço. Em produção, adicione N+1 (um nó de reserva).',
    ],
    [
      'growth-next-node',
      'info',
      'With 35% headroom, one more node becomes necessary at 323 sessions.',
      'Com 35% de headroom, mais um nó se torna necessário com 323 sessões.',
    ],
    [
      'headroom',
      'info',
      'Peak headroom of 35% suits seasonal or variable traffic.',
      'Headroom de pico de 35% atende tráfego sazonal ou variável.',
    ],
    [
      'operations',
      'info',
      'Operations: alert on KV-cache usage above 85%, requests waiting in the queue, preemptions, and P99 time to first token and inter-token latency; scale up above 70% utilisation and down below 30%, sustained for 10 minutes.',
      'Operação: alerte quando o uso do cache KV passar de 85%, quando houver requisições esperando na fila ou preempções, e acompanhe o P99 do tempo até o primeiro token e da latência entre tokens; aumente a escala acima de 70% de utilização e reduza abaixo de 30%, mantida por 10 minutos.',
    ],
  ],
  fp32inf: [
    [
      'kv-precision-wide',
      'warning',
      'fp32 KV uses four times the memory of fp8 per session, but fp8 alone does not make this plan feasible.',
      'KV em fp32 usa quatro vezes a memória do fp8 por sessão, mas o fp8 sozinho não torna este plano viável.',
    ],
    [
      'long-context',
      'warning',
      'Context of 131,072 tokens: prefill of long prompts sets the time to first token. Enable chunked prefill so long prompts do not stall other sessions, enable prefix caching for shared documents and system prompts, and set a time-to-first-token target measured at this context; keep the KV cache in fp8 (in fp32 each session holds 126 GiB).',
      'Contexto de 131.072 tokens: o prefill de prompts longos define o tempo até o primeiro token. Ative o chunked prefill para que prompts longos não travem as outras sessões, ative o prefix caching para documentos e prompts de sistema compartilhados e defina uma meta de tempo até o primeiro token medida neste contexto; mantenha o cache KV em fp8 (em fp32 cada sessão ocupa 126 GiB).',
    ],
    [
      'storage-cold-start',
      'info',
      'Cold start is 100.5 s per replica from Local NVMe; Host RAM cache would take 70.1 s.',
      'O cold start é de 100,5 s por réplica a partir de NVMe local; Cache em RAM do host levaria 70,1 s.',
    ],
    ['headroom', 'info', 'Peak headroom of 20% suits organic growth.', 'Headroom de pico de 20% atende crescimento orgânico.'],
    [
      'operations',
      'info',
      'Operations: alert on KV-cache usage above 85%, requests waiting in the queue, preemptions, and P99 time to first token and inter-token latency; scale up above 70% utilisation and down below 30%, sustained for 10 minutes.',
      'Operação: alerte quando o uso do cache KV passar de 85%, quando houver requisições esperando na fila ou preempções, e acompanhe o P99 do tempo até o primeiro token e da latência entre tokens; aumente a escala acima de 70% de utilização e reduza abaixo de 30%, mantida por 10 minutos.',
    ],
  ],
  generous: [
    [
      'kv-precision-wide',
      'warning',
      'bf16 KV doubles memory per session against fp8. With fp8 this plan needs 1 node instead of 2: 1 fewer (50%), saving about USD 325 k – USD 425 k of CapEx. Validate quality on your own evaluations before lowering precision.',
      'KV em bf16 dobra a memória por sessão em relação ao fp8. Com fp8 este plano precisa de 1 nó em vez de 2: 1 a menos (50%), economia de cerca de USD 325 k – USD 425 k de CapEx. Valide a qualidade nas suas avaliações antes de reduzir a precisão.',
    ],
    [
      'ha-plan-n1',
      'info',
      'No N+1 redundancy: losing one of the 2 nodes removes 50% of capacity. Plan N+1 at the latest when concurrency reaches 1,218 sessions (70% utilisation of the planned nodes).',
      'Sem redundância N+1: a perda de um dos 2 nós retira 50% da capacidade. Planeje N+1 no máximo quando a concorrência chegar a 1.218 sessões (70% de utilização dos nós planejados).',
    ],
    [
      'growth-next-node',
      'info',
      'With 45% headroom, one more node becomes necessary at 1,201 sessions.',
      'Com 45% de headroom, mais um nó se torna necessário com 1.201 sessões.',
    ],
    [
      'headroom',
      'info',
      'Peak headroom of 45% is generous; 30–40% usually covers variable traffic.',
      'Headroom de pico de 45% é generoso; 30–40% costuma cobrir tráfego variável.',
    ],
    [
      'operations',
      'info',
      'Operations: alert on KV-cache usage above 85%, requests waiting in the queue, preemptions, and P99 time to first token and inter-token latency; scale up above 70% utilisation and down below 30%, sustained for 10 minutes.',
      'Operação: alerte quando o uso do cache KV passar de 85%, quando houver requisições esperando na fila ou preempções, e acompanhe o P99 do tempo até o primeiro token e da latência entre tokens; aumente a escala acima de 70% de utilização e reduza abaixo de 30%, mantida por 10 minutos.',
    ],
  ],
};

const SEVERITY_ORDER = ['critical', 'warning', 'info'];

describe('recommendations, word for word', () => {
  for (const [name, inputs] of Object.entries(SCENARIOS)) {
    it(`${name}: says what it should, most severe first`, () => {
      const said = planScenario(inputs, BUILT_IN_CATALOG).recommendations.map((r): Said => [
        r.id,
        r.severity,
        r.message.en,
        r.message['pt-BR'],
      ]);
      for (const expected of EXPECTED[name] ?? []) expect(said).toContainEqual(expected);
      const ranks = said.map(([, severity]) => SEVERITY_ORDER.indexOf(severity));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });
  }
});
