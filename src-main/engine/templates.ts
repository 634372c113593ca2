import { DEFAULT_POLICY } from './inputs.js';
import type { Lang, LocalizedText, RegionSpec, SizingInputs } from './types.js';

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

/** What the notes of a scenario made from a template say about where it came from, while it still has the case's inputs. */
const REFERENCE_CASE: LocalizedText = {
  en: 'Reference case from the original sizing document.',
  'pt-BR': 'Caso de referência do documento original de dimensionamento.',
};

/** The same, once the scenario's inputs (or regions) are no longer the case's: {name} is the template's. */
const ADAPTED_FROM_CASE: LocalizedText = {
  en: 'Started from the reference case “{name}” of the original sizing document; its inputs have been changed since.',
  'pt-BR': 'Partiu do caso de referência “{name}” do documento original de dimensionamento; as entradas foram alteradas depois.',
};

/** A template's notes: what the case is (the first line, quoted by comparisons), what matters in it, then where it came from. */
function caseNotes(use: LocalizedText, emphasis?: LocalizedText): LocalizedText {
  const notes = (lang: Lang) => `${use[lang]}\n${emphasis ? `${emphasis[lang]} ` : ''}${REFERENCE_CASE[lang]}`;
  return { en: notes('en'), 'pt-BR': notes('pt-BR') };
}

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
    notes: caseNotes({
      en: 'A chat assistant for a SaaS start-up in its early stage, growing organically.',
      'pt-BR': 'Assistente de chat de uma start-up SaaS em fase inicial, crescendo aos poucos.',
    }),
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
    notes: caseNotes({
      en: 'Analysis of long documents (contracts, reports) inside a large company.',
      'pt-BR': 'Análise de documentos longos (contratos, relatórios) numa grande empresa.',
    }),
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
    notes: caseNotes({
      en: 'A public API serving many tenants, with traffic peaks it does not control.',
      'pt-BR': 'API pública que atende muitos clientes, com picos de tráfego que não controla.',
    }),
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
    notes: caseNotes({
      en: "A research team's shared cluster for experiments with long contexts.",
      'pt-BR': 'Cluster de uma equipe de pesquisa para experimentos com contextos longos.',
    }),
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
    notes: caseNotes(
      {
        en: 'A serverless cloud provider serving users in several regions.',
        'pt-BR': 'Provedor de nuvem serverless que atende usuários em várias regiões.',
      },
      { en: 'Cold start matters here.', 'pt-BR': 'Aqui o cold start importa.' },
    ),
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

const LANGS: Lang[] = ['en', 'pt-BR'];

/** A template's notes as a scenario made from it starts with, or as they read once its inputs have changed. */
function templateNotes(template: Template, lang: Lang, adapted: boolean): string {
  if (!adapted) return template.notes[lang];
  const use = template.notes[lang].slice(0, -REFERENCE_CASE[lang].length);
  return `${use}${ADAPTED_FROM_CASE[lang].replace('{name}', template.name[lang])}`;
}

/** The same values field by field; a field absent (or undefined) on one side must be absent on the other. */
function sameFields(a: object, b: object): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every(
    (key) => JSON.stringify((a as Record<string, unknown>)[key]) === JSON.stringify((b as Record<string, unknown>)[key]),
  );
}

/** Whether a scenario still has a template's inputs and regions: the reference case, not a plan started from it. */
function isTemplateCase(template: Template, inputs: SizingInputs, regions: readonly RegionSpec[]): boolean {
  const caseRegions = template.regions ?? [];
  return (
    sameFields(template.inputs, inputs) &&
    caseRegions.length === regions.length &&
    caseRegions.every(
      (r, i) => r.name === regions[i]!.name && r.concurrency === regions[i]!.concurrency && sameFields(r.overrides, regions[i]!.overrides),
    )
  );
}

/**
 * Notes that follow a scenario's inputs. Notes the planner wrote from a template (in either
 * language, as first written or as adapted) are rewritten for the inputs and regions given: the
 * template's own while they are still the reference case's, else the adapted form, which keeps what
 * the case is for and says the inputs have changed (so no note calls a changed plan the reference
 * case). Any other notes are the user's words and come back unchanged.
 */
export function notesFollowingInputs(notes: string, inputs: SizingInputs, regions: readonly RegionSpec[]): string {
  const written = notes.normalize('NFC');
  for (const template of TEMPLATES)
    for (const lang of LANGS)
      for (const adapted of [false, true])
        if (written === templateNotes(template, lang, adapted).normalize('NFC'))
          return templateNotes(template, lang, !isTemplateCase(template, inputs, regions));
  return notes;
}
