import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CATALOG, findModel, findServer, sizeEngine, withDefaults, type SizingInputs } from '../../../src-main/engine/index.js';
import { cloneable } from '../../../src-main/store-worker/protocol.js';

/** DeepSeek-V3 at TP 8 on an H100 node: the weights leave no KV cache, an infeasibility with a lazily built message. */
function weightsDoNotFit() {
  const inputs = withDefaults(
    { method: 'engine', modelId: 'deepseek-v3', serverId: 'dgx100', concurrency: 10, effectiveContextTokens: 8192, tp: 8 } as SizingInputs,
    BUILT_IN_CATALOG,
  );
  return sizeEngine(inputs, findModel(BUILT_IN_CATALOG, inputs.modelId)!, findServer(BUILT_IN_CATALOG, inputs.serverId)!);
}

function postAndReceive<T>(value: T): T {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(value);
  const received = receiveMessageOnPort(port2)!.message as T;
  port1.close();
  return received;
}

describe("the engine method's lazily built messages", () => {
  it('read, serialise to JSON and cross a worker thread as both languages', () => {
    const result = weightsDoNotFit();
    expect(result.infeasibility?.code).toBe('weights-do-not-fit');
    const message = result.infeasibility!.message;
    expect(message.en).toMatch(/^At TP 8, each GPU needs .* GiB of weights/);
    expect(message['pt-BR']).toMatch(/^Com TP 8, cada GPU precisa de .* GiB de pesos/);
    expect(JSON.parse(JSON.stringify(result)).infeasibility.message).toEqual({ en: message.en, 'pt-BR': message['pt-BR'] });
    // A structured clone refuses the builder; the store thread's cloneable() turns it into text first.
    expect(() => postAndReceive(weightsDoNotFit())).toThrow(/could not be cloned/);
    expect(postAndReceive(cloneable({ ok: true, result: weightsDoNotFit() })).result.infeasibility!.message).toEqual({
      en: message.en,
      'pt-BR': message['pt-BR'],
    });
  });

  it('cloneable leaves plain data, binary data and frozen shared records as they are', () => {
    const frozen = Object.freeze({ id: 'x', nested: Object.freeze({ n: 1 }) });
    const bytes = new Uint8Array([1, 2, 3]);
    const answer = { frozen, bytes, list: [frozen, { a: null }], when: '2026-12-03' };
    expect(cloneable(answer)).toEqual({ frozen, bytes, list: [frozen, { a: null }], when: '2026-12-03' });
    expect(cloneable(answer).bytes).toBe(bytes);
  });
});
