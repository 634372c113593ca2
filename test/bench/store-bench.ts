import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callApi, type ApiContext } from '../../src-main/api/index.js';
import { TEMPLATES } from '../../src-main/engine/index.js';
import { openStore } from '../../src-main/store/index.js';
import { appRoot } from '../../src-main/app-root.js';
import { startApiService } from '../../src-main/store-worker/service.js';
import { startWebHost } from '../../src-main/web/server.js';

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (v: number) => Math.round(v * 1000) / 1000;

/** Store and web-host figures on a real database file in a temporary folder. */
export async function storeBenchmarks(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'sizing-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  const ctx: ApiContext = { store, info: () => ({ version: 'bench', dbPath: store.path, runtime: {} }) };
  try {
    const inputs = TEMPLATES[0]!.inputs;
    const big = store.write(() => store.projects.create('big'));
    let t = process.hrtime.bigint();
    store.write(() => {
      for (let i = 0; i < 10_000; i++)
        store.scenarios.create({ projectId: big.id, name: `s${i}`, inputs: { ...inputs, concurrency: 1 + i } });
    });
    const insert10kScenariosMs = ms(t);

    store.write(() => {
      for (let i = 0; i < 1000; i++) store.projects.create(`project ${i}`);
    });
    const listRuns: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = process.hrtime.bigint();
      await callApi(ctx, 'projects.list', {});
      listRuns.push(ms(s));
    }

    const mid = store.write(() => store.projects.create('thousand'));
    store.write(() => {
      for (let i = 0; i < 1000; i++)
        store.scenarios.create({
          projectId: mid.id,
          name: `s${i}`,
          inputs,
          regions: i % 10 === 0 ? [{ name: 'EU', concurrency: 10, overrides: {} }] : [],
        });
    });
    const openRuns: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = process.hrtime.bigint();
      const r = await callApi(ctx, 'scenarios.list', { projectId: mid.id });
      if (!r.ok) throw new Error(r.error.message);
      openRuns.push(ms(s));
    }

    t = process.hrtime.bigint();
    const roundTripP50Ms = await webRoundTripP50(join(dir, 'web.db'));
    return {
      storeInsert10kScenariosMs: round(insert10kScenariosMs),
      storeList1000ProjectsMs: round(median(listRuns)),
      storeOpenProject1000ScenariosMs: round(median(openRuns)),
      webSizeScenarioRoundTripP50Ms: round(roundTripP50Ms),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** As `sizing serve` runs it: HTTP on this thread, the contract on the store threads. */
async function webRoundTripP50(dbPath: string): Promise<number> {
  const api = await startApiService({ dbPath, workerFile: join(appRoot(), 'out', 'cli', 'store-worker.mjs') });
  const host = await startWebHost({ api: (method, input) => api.call(method, input) });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const body = JSON.stringify({ inputs: TEMPLATES[2]!.inputs });
  const call = () =>
    new Promise<number>((resolve, reject) => {
      const start = process.hrtime.bigint();
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          method: 'POST',
          path: '/api/sizing.scenario',
          agent,
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve(ms(start)) : reject(new Error(`status ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) times.push(await call());
  agent.destroy();
  await host.close();
  await api.close();
  return median(times);
}
