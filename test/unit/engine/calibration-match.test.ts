/**
 * Matching a start-up log to catalog records (engine/calibration/match.ts): model names as engines
 * print them, GPUs by name and by the memory the engine saw, and what the planner says, in both
 * languages, when it cannot tell.
 */
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CATALOG,
  BUILT_IN_SERVERS,
  findModel,
  findServer,
  matchModel,
  matchServer,
  normalizeModelName,
  parseStartupLog,
  type ModelRecord,
  type ServerRecord,
  type StartupLog,
} from '../../../src-main/engine/index.js';
import * as logs from './calibration/logs.js';

const MODEL_IDS = BUILT_IN_CATALOG.models.map((m) => m.id).join(', ');
const SERVER_IDS = BUILT_IN_SERVERS.map((s) => s.id).join(', ');

function parsed(text: string): StartupLog {
  const outcome = parseStartupLog(text);
  if (!outcome.ok) throw new Error(outcome.refusal.message.en);
  return outcome.log;
}

/** A log that states what matching reads: the GPU's name and the memory the engine saw. */
function logOf(gpu: { gpuName?: string; visibleGiB?: number }): StartupLog {
  const log = parsed(logs.VLLM_V1_085_L40S);
  const visible = gpu.visibleGiB === undefined ? {} : { visibleGiB: { value: gpu.visibleGiB, line: 1, text: '', ranks: 1 } };
  return { ...log, gpuName: gpu.gpuName ?? null, figures: { ...log.figures, ...visible } };
}

const server = (over: Partial<ServerRecord>): ServerRecord => ({ ...findServer(BUILT_IN_CATALOG, 'dgx100')!, ...over });

describe('model names', () => {
  it.each([
    ['  meta-llama/Llama-3.1-8B-Instruct  ', 'llama-3.1-8b'],
    ['/models/Llama-3.1-8B-Instruct//', 'llama-3.1-8b'],
    ['Llama__3.1  8B', 'llama-3.1-8b'],
    ['unsloth-meta-llama-3.1-8b', 'unsloth-meta-llama-3.1-8b'],
  ])('%s reads as %s', (name, key) => {
    expect(normalizeModelName(name)).toBe(key);
  });

  it("matches a record by its id or by its name, whichever the log's name is", () => {
    const llama = findModel(BUILT_IN_CATALOG, 'llama-3.1-8b')!;
    const byName: ModelRecord = { ...llama, id: 'llama8-house' };
    const byId: ModelRecord = { ...llama, name: 'House Llama' };
    expect(matchModel('meta-llama/Llama-3.1-8B-Instruct', [byName])).toMatchObject({ ok: true, record: { id: 'llama8-house' } });
    expect(matchModel('meta-llama/Llama-3.1-8B-Instruct', [byId])).toMatchObject({ ok: true, record: { name: 'House Llama' } });
  });

  it('asks for the model, in Portuguese too, when the log names none', () => {
    expect(matchModel(null, BUILT_IN_CATALOG.models)).toEqual({
      ok: false,
      message: {
        en: `the log does not name the model; choose one of ${MODEL_IDS}`,
        'pt-BR': `o log não informa o modelo; escolha um de ${MODEL_IDS}`,
      },
    });
  });
});

describe('servers by GPU name', () => {
  it('finds the GPU in a server name however its record writes it, Grace-Blackwell and Instinct included', () => {
    const gb200 = server({ id: 'gb200-nvl4', name: 'GB200 NVL4', gpus: 4 });
    expect(matchServer(logOf({ gpuName: 'GB200' }), [...BUILT_IN_SERVERS, gb200])).toMatchObject({
      ok: true,
      record: { id: 'gb200-nvl4' },
    });
    expect(matchServer(logOf({ gpuName: 'MI300X' }), BUILT_IN_SERVERS)).toMatchObject({ ok: true, record: { id: 'mi300x-8' } });
    expect(matchServer(logOf({ gpuName: 'H200' }), BUILT_IN_SERVERS)).toMatchObject({ ok: true, record: { id: 'dgx200' } });
  });

  it('lists the servers that share a GPU the log names without its memory', () => {
    expect(matchServer(logOf({ gpuName: 'A100' }), BUILT_IN_SERVERS)).toEqual({
      ok: false,
      message: {
        en: "several server records have the log's GPU (A100): dgxa100-80, dgxa100-40; choose one",
        'pt-BR': 'vários servidores do catálogo têm a GPU do log (A100): dgxa100-80, dgxa100-40; escolha um',
      },
    });
  });

  it('says so when the only server cannot be told from the log, rather than taking it', () => {
    expect(matchServer(logOf({}), [findServer(BUILT_IN_CATALOG, 'dgx100')!])).toEqual({
      ok: false,
      message: {
        en: 'the log does not say which GPU it ran on; choose the server it ran on, one of dgx100',
        'pt-BR': 'o log não diz em qual GPU rodou; escolha o servidor em que rodou, um de dgx100',
      },
    });
  });

  it('names an unknown GPU and the memory the engine saw, in Portuguese too', () => {
    expect(matchServer(logOf({ gpuName: 'RTX 3090', visibleGiB: 23.58 }), BUILT_IN_SERVERS)).toEqual({
      ok: false,
      message: {
        en: `no server record has the log's GPU (RTX 3090, 23.58 GiB visible); choose one of ${SERVER_IDS}, or first add a server record with that GPU on the Catalogs screen`,
        'pt-BR': `nenhum servidor do catálogo tem a GPU do log (RTX 3090, 23,58 GiB visíveis); escolha um de ${SERVER_IDS}, ou antes adicione um servidor com essa GPU na tela Catálogos`,
      },
    });
  });
});

describe('servers by the memory the engine saw', () => {
  it("compares with the engine-visible figure, else nvidia-smi's MiB, else the vendor's GB", () => {
    const visible = server({ id: 'visible', name: 'Box X1', engineVisibleGiBPerGpu: 70, measuredMiBPerGpu: 81559 });
    const measured = server({ id: 'measured', name: 'Box X2', engineVisibleGiBPerGpu: undefined, measuredMiBPerGpu: 51200 });
    const vendor = server({
      id: 'vendor',
      name: 'Box X3',
      engineVisibleGiBPerGpu: undefined,
      measuredMiBPerGpu: undefined,
      hbmGBPerGpu: 32,
    });
    const servers = [visible, measured, vendor];
    expect(matchServer(logOf({ visibleGiB: 69.9 }), servers)).toMatchObject({ ok: true, record: { id: 'visible' } });
    expect(matchServer(logOf({ visibleGiB: 49.8 }), servers)).toMatchObject({ ok: true, record: { id: 'measured' } });
    // 32 GB is 29.8 GiB.
    expect(matchServer(logOf({ visibleGiB: 29.5 }), servers)).toMatchObject({ ok: true, record: { id: 'vendor' } });
  });

  it('accepts from 95% to 100.5% of the capacity, both ends included', () => {
    const box = server({ id: 'box', name: 'Box X1', engineVisibleGiBPerGpu: 100 });
    expect(matchServer(logOf({ visibleGiB: 95 }), [box])).toMatchObject({ ok: true });
    expect(matchServer(logOf({ visibleGiB: 100.5 }), [box])).toMatchObject({ ok: true });
    expect(matchServer(logOf({ visibleGiB: 94.9 }), [box])).toMatchObject({ ok: false });
    expect(matchServer(logOf({ visibleGiB: 100.6 }), [box])).toMatchObject({ ok: false });
  });

  it('lists, in Portuguese too, the servers whose GPUs show the engine the same memory', () => {
    expect(matchServer(logOf({ visibleGiB: 79.18 }), BUILT_IN_SERVERS)).toMatchObject({
      ok: false,
      message: { 'pt-BR': 'vários servidores do catálogo têm a GPU do log (79,18 GiB visíveis): dgx100, dgxa100-80; escolha um' },
    });
  });
});
