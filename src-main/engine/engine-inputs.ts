import { NATIVE_FORMATS } from './hardware.js';
import {
  SERVING_ENGINE_NAMES,
  ENGINE_VERSIONS,
  enginePolicy,
  FRACTION_FIELD,
  offersKvPrecision,
  SERVING_ENGINES,
} from './serving-engines.js';
import type { InputIssue } from './inputs.js';
import type { CalibrationChoice, LocalizedText, ModelRecord, ServerRecord, ServingEngine, SizingInputs } from './types.js';

/** Whether a stored calibration profile that matches may stand in for the formulas (auto) or not (off). */
export const CALIBRATION_CHOICES: CalibrationChoice[] = ['auto', 'off'];

/** Inputs that only the engine method reads. */
export const ENGINE_ONLY_FIELDS = [
  'servingEngine',
  'engineVersion',
  'gpuMemoryUtilization',
  'memFractionStatic',
  'freeGpuMemoryFraction',
  'tp',
  'maxNumBatchedTokens',
  'maxNumSeqs',
  'maxModelLen',
  'blockSize',
  'calibration',
] as const satisfies readonly (keyof SizingInputs)[];

function issue(field: keyof SizingInputs, value: unknown, allowedText: LocalizedText): InputIssue {
  return { field, value, allowed: allowedText.en, allowedText };
}

/** Whether the GPU runs a format natively; a server without a stated generation is not refused. */
function runsNatively(server: ServerRecord, format: 'fp8' | 'fp4'): boolean {
  return server.generation === undefined || NATIVE_FORMATS[server.generation][format];
}

/** Engine-method inputs, weight and KV precisions against the engine and the GPU. */
export function checkEngineInputs(inputs: SizingInputs, model: ModelRecord, server: ServerRecord): InputIssue[] {
  const issues: InputIssue[] = [];
  const gpu = server.generation ?? server.id;
  if (inputs.weightsPrecision === 'fp8' && !runsNatively(server, 'fp8')) {
    issues.push(
      issue('weightsPrecision', 'fp8', {
        en: `bf16 (${server.id} is ${gpu}: no fp8 tensor cores, engines fall back to slower weight-only kernels)`,
        'pt-BR': `bf16 (${server.id} é ${gpu}: sem tensor cores fp8, os engines recorrem a kernels só de pesos, mais lentos)`,
      }),
    );
  }
  if (inputs.weightsPrecision === 'fp4' && !runsNatively(server, 'fp4')) {
    issues.push(
      issue('weightsPrecision', 'fp4', {
        en: `bf16 or fp8 (${server.id} is ${gpu}: 4-bit floating point needs Blackwell or CDNA 4)`,
        'pt-BR': `bf16 ou fp8 (${server.id} é ${gpu}: ponto flutuante de 4 bits exige Blackwell ou CDNA 4)`,
      }),
    );
  }
  if (inputs.weightsPrecision !== undefined && (model.vocabSize === undefined || model.hiddenSize === undefined)) {
    issues.push(
      issue('weightsPrecision', inputs.weightsPrecision, {
        en: `absent (${model.id} has no hiddenSize and vocabSize to keep its embeddings in bf16)`,
        'pt-BR': `ausente (${model.id} não tem hiddenSize e vocabSize para manter os embeddings em bf16)`,
      }),
    );
  }
  if (inputs.kvPrecision === 'nvfp4' && !runsNatively(server, 'fp4')) {
    issues.push(
      issue('kvPrecision', 'nvfp4', {
        en: `fp8 or wider (${server.id} is ${gpu}: NVFP4 KV needs Blackwell)`,
        'pt-BR': `fp8 ou maior (${server.id} é ${gpu}: KV em NVFP4 exige Blackwell)`,
      }),
    );
  }
  if (inputs.method !== 'engine') {
    for (const field of ENGINE_ONLY_FIELDS) {
      if (inputs[field] !== undefined)
        issues.push(
          issue(field, inputs[field], {
            en: 'absent unless the method is engine (--method engine)',
            'pt-BR': 'ausente, a menos que o método seja engine (--method engine)',
          }),
        );
    }
    return issues;
  }
  return [...issues, ...checkEngineOnly(inputs, model, server)];
}

function checkEngineOnly(inputs: SizingInputs, model: ModelRecord, server: ServerRecord): InputIssue[] {
  const issues: InputIssue[] = [];
  const engine = inputs.servingEngine ?? 'vllm';
  if (!SERVING_ENGINES.includes(engine))
    return [issue('servingEngine', engine, { en: `one of ${SERVING_ENGINES.join(', ')}`, 'pt-BR': `um de ${SERVING_ENGINES.join(', ')}` })];
  if (inputs.calibration !== undefined && !CALIBRATION_CHOICES.includes(inputs.calibration)) {
    issues.push(
      issue('calibration', inputs.calibration, {
        en: `one of ${CALIBRATION_CHOICES.join(', ')}`,
        'pt-BR': `um de ${CALIBRATION_CHOICES.join(', ')}`,
      }),
    );
  }
  const versions = ENGINE_VERSIONS[engine];
  if (inputs.engineVersion !== undefined && !versions.includes(inputs.engineVersion)) {
    issues.push(
      issue('engineVersion', inputs.engineVersion, {
        en: `one of ${versions.join(', ')} for ${SERVING_ENGINE_NAMES[engine]}`,
        'pt-BR': `um de ${versions.join(', ')} para ${SERVING_ENGINE_NAMES[engine]}`,
      }),
    );
    return issues;
  }
  for (const [other, field] of Object.entries(FRACTION_FIELD)) {
    if (other !== engine && inputs[field] !== undefined) {
      issues.push(
        issue(field, inputs[field], {
          en: `absent with ${SERVING_ENGINE_NAMES[engine]} (it is ${SERVING_ENGINE_NAMES[other as ServingEngine]}'s knob)`,
          'pt-BR': `ausente com ${SERVING_ENGINE_NAMES[engine]} (é um ajuste do ${SERVING_ENGINE_NAMES[other as ServingEngine]})`,
        }),
      );
    }
  }
  const missing = (['hiddenSize', 'intermediateSize', 'vocabSize'] as const).filter((f) => model[f] === undefined);
  if (missing.length > 0) {
    issues.push(
      issue('modelId', model.id, {
        en: `a model whose record states ${missing.join(', ')} (the engine method derives activations from them)`,
        'pt-BR': `um modelo cujo registro informe ${missing.join(', ')} (o método engine calcula as ativações a partir deles)`,
      }),
    );
  }
  if (inputs.tp !== undefined) {
    if (server.gpus % inputs.tp !== 0) {
      issues.push(
        issue('tp', inputs.tp, {
          en: `a divisor of ${server.id}'s ${server.gpus} GPUs`,
          'pt-BR': `um divisor das ${server.gpus} GPUs de ${server.id}`,
        }),
      );
    } else if (model.queryHeads % inputs.tp !== 0) {
      issues.push(
        issue('tp', inputs.tp, {
          en: `a divisor of ${model.id}'s ${model.queryHeads} attention heads`,
          'pt-BR': `um divisor das ${model.queryHeads} cabeças de atenção de ${model.id}`,
        }),
      );
    }
  }
  if (inputs.maxModelLen !== undefined && inputs.maxModelLen < inputs.effectiveContextTokens) {
    issues.push(
      issue('maxModelLen', inputs.maxModelLen, {
        en: `at least the effective context (${inputs.effectiveContextTokens})`,
        'pt-BR': `no mínimo o contexto efetivo (${inputs.effectiveContextTokens})`,
      }),
    );
  }
  if (inputs.maxModelLen !== undefined && inputs.maxModelLen > model.maxContextTokens) {
    issues.push(
      issue('maxModelLen', inputs.maxModelLen, {
        en: `at most ${model.maxContextTokens} (the maximum context of ${model.id})`,
        'pt-BR': `no máximo ${model.maxContextTokens} (o contexto máximo de ${model.id})`,
      }),
    );
  }
  const policy = enginePolicy(engine, inputs.engineVersion);
  if (!offersKvPrecision(policy, inputs.kvPrecision)) {
    const offered = ['auto', ...policy.kvPrecisions].join(', ');
    issues.push(
      issue('kvPrecision', inputs.kvPrecision, {
        en: `one of ${offered} (what ${SERVING_ENGINE_NAMES[engine]} stores KV in)`,
        'pt-BR': `um de ${offered} (os formatos de KV do ${SERVING_ENGINE_NAMES[engine]})`,
      }),
    );
  }
  return issues;
}
