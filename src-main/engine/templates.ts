import { DEFAULT_POLICY } from './inputs.js';
import type { LocalizedText, RegionSpec, SizingInputs } from './types.js';

export interface Template {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
  /**
   * The notes a scenario made from the template starts with: what the case is, never its figures
   * (the user changes those, and notes would go stale). The first line, under 80 characters, is
   * what comparisons quote as the scenario's use.
   */
  notes: LocalizedText;
  /** The "usage" column of the original document's comparison of cases. */
  usage: LocalizedText;
  inputs: SizingInputs;
  regions?: RegionSpec[];
}

type Workload = Pick<
  SizingInputs,
  | 'modelId'
  | 'serverId'
  | 'storageId'
  | 'concurrency'
  | 'effectiveContextTokens'
  | 'kvPrecision'
  | 'kvBudgetRatio'
  | 'runtimeOverheadGiB'
  | 'peakHeadroomRatio'
  | 'ha'
>;

/** The original document's argument order: model, server, storage, concurrency, context, precision, ratio, overhead, headroom, ha. */
function inputs(w: Workload, extra: Partial<SizingInputs> = {}): SizingInputs {
  return { ...DEFAULT_POLICY, ...w, ...extra };
}

/** The five reference cases of the original document (SPEC §9). */
export const TEMPLATES: Template[] = [
  {
    id: 'saas-startup',
    name: { en: 'SaaS start-up assistant', 'pt-BR': 'Assistente de start-up SaaS' },
    description: {
      en: '1,000 sessions at 32k context on one node, no N+1 yet.',
      'pt-BR': '1.000 sessões com contexto de 32k em um nó, ainda sem N+1.',
    },
    notes: {
      en: 'A chat assistant for a SaaS start-up in its early stage, growing organically.\nReference case from the original sizing document.',
      'pt-BR':
        'Assistente de chat de uma start-up SaaS em fase inicial, crescendo aos poucos.\nCaso de referência do documento original de dimensionamento.',
    },
    usage: { en: 'Chat assistant, early stage', 'pt-BR': 'Assistente de chat, fase inicial' },
    inputs: inputs({
      modelId: 'opt-oss-20b',
      serverId: 'dgx200',
      storageId: 'profile_default',
      concurrency: 1000,
      effectiveContextTokens: 32768,
      kvPrecision: 'fp8',
      kvBudgetRatio: 0.7,
      runtimeOverheadGiB: 80,
      peakHeadroomRatio: 0.2,
      ha: 'none',
    }),
  },
  {
    id: 'enterprise-docs',
    name: { en: 'Enterprise long-document analysis', 'pt-BR': 'Análise corporativa de documentos longos' },
    description: {
      en: '500 sessions at 131k context, FP16 KV, N+1.',
      'pt-BR': '500 sessões com contexto de 131k, KV em FP16, N+1.',
    },
    notes: {
      en: 'Analysis of long documents (contracts, reports) inside a large company.\nReference case from the original sizing document.',
      'pt-BR':
        'Análise de documentos longos (contratos, relatórios) numa grande empresa.\nCaso de referência do documento original de dimensionamento.',
    },
    usage: { en: 'Long-document analysis', 'pt-BR': 'Análise de documentos longos' },
    inputs: inputs(
      {
        modelId: 'opt-oss-120b',
        serverId: 'dgx300',
        storageId: 'profile_default',
        concurrency: 500,
        effectiveContextTokens: 131072,
        kvPrecision: 'fp16',
        kvBudgetRatio: 0.65,
        runtimeOverheadGiB: 150,
        peakHeadroomRatio: 0.3,
        ha: 'n+1',
      },
      { availabilityTarget: 0.999 },
    ),
  },
  {
    id: 'public-api',
    name: { en: 'Public multi-tenant API', 'pt-BR': 'API pública multi-tenant' },
    description: {
      en: '5,000 sessions at 131k context, 30% peak headroom, N+1, pods behind a load balancer.',
      'pt-BR': '5.000 sessões com contexto de 131k, 30% de headroom de pico, N+1, pods atrás de um load balancer.',
    },
    notes: {
      en: 'A public API serving many tenants, with traffic peaks it does not control.\nReference case from the original sizing document.',
      'pt-BR':
        'API pública que atende muitos clientes, com picos de tráfego que não controla.\nCaso de referência do documento original de dimensionamento.',
    },
    usage: { en: 'Public API, multi-tenant', 'pt-BR': 'API pública, multi-tenant' },
    inputs: inputs(
      {
        modelId: 'opt-oss-120b',
        serverId: 'dgx300',
        storageId: 'profile_default',
        concurrency: 5000,
        effectiveContextTokens: 131072,
        kvPrecision: 'fp8',
        kvBudgetRatio: 0.7,
        runtimeOverheadGiB: 120,
        peakHeadroomRatio: 0.3,
        ha: 'n+1',
      },
      { availabilityTarget: 0.9995, podSize: 3 },
    ),
  },
  {
    id: 'research-lab',
    name: { en: 'Research lab', 'pt-BR': 'Laboratório de pesquisa' },
    description: {
      en: '50 sessions at 131k context, FP16 KV, network storage, no HA.',
      'pt-BR': '50 sessões com contexto de 131k, KV em FP16, storage em rede, sem HA.',
    },
    notes: {
      en: "A research team's shared cluster for experiments with long contexts.\nReference case from the original sizing document.",
      'pt-BR':
        'Cluster de uma equipe de pesquisa para experimentos com contextos longos.\nCaso de referência do documento original de dimensionamento.',
    },
    usage: { en: 'Research and experiments', 'pt-BR': 'Pesquisa e experimentos' },
    inputs: inputs({
      modelId: 'opt-oss-20b',
      serverId: 'dgx200',
      storageId: 'profile_network_ssd',
      concurrency: 50,
      effectiveContextTokens: 131072,
      kvPrecision: 'fp16',
      kvBudgetRatio: 0.75,
      runtimeOverheadGiB: 60,
      peakHeadroomRatio: 0.1,
      ha: 'none',
    }),
  },
  {
    id: 'serverless-multi-region',
    name: { en: 'Serverless cloud provider', 'pt-BR': 'Provedor de nuvem serverless' },
    description: {
      en: '2,000 sessions per region in three regions, cold start under 5 s, N+1 per region.',
      'pt-BR': '2.000 sessões por região em três regiões, cold start abaixo de 5 s, N+1 por região.',
    },
    notes: {
      en: 'A serverless cloud provider serving users in several regions.\nCold start matters here. Reference case from the original sizing document.',
      'pt-BR':
        'Provedor de nuvem serverless que atende usuários em várias regiões.\nAqui o cold start importa. Caso de referência do documento original de dimensionamento.',
    },
    usage: { en: 'Serverless, multi-region', 'pt-BR': 'Serverless, multi-região' },
    inputs: inputs(
      {
        modelId: 'opt-oss-120b',
        serverId: 'dgx300',
        storageId: 'profile_default',
        concurrency: 2000,
        effectiveContextTokens: 32768,
        kvPrecision: 'fp8',
        kvBudgetRatio: 0.7,
        runtimeOverheadGiB: 100,
        peakHeadroomRatio: 0.4,
        ha: 'n+1',
      },
      { coldStartTargetS: 5 },
    ),
    regions: [
      { name: 'US-East', concurrency: 2000, overrides: {} },
      { name: 'US-West', concurrency: 2000, overrides: {} },
      { name: 'EU', concurrency: 2000, overrides: {} },
    ],
  },
];

export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
