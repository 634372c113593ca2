import { chromium, type Browser } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { callApi } from '../../src-main/api/index.js';
import { createApiContext } from '../../src-main/api/context.js';
import type { ProjectRow, ScenarioRow } from '../../src-main/api/types.js';
import { openStore } from '../../src-main/store/index.js';
import { startWebHost } from '../../src-main/web/server.js';
import { CHROMIUM } from '../e2e/fixtures/chromium.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rendererDir = join(root, 'out', 'renderer');
const COLD_LOADS = 5;
const INPUT_CHANGES = 9;

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (v: number) => Math.round(v * 10) / 10;

/** The page's globals as the measuring scripts use them (this tsconfig has no DOM library). */
interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
  performance: { now(): number; getEntriesByName(name: string): { startTime: number }[] };
  requestAnimationFrame(callback: () => void): void;
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: unknown): void; disconnect(): void };
  Event: new (type: string, init: { bubbles: boolean }) => unknown;
}
interface PageElement {
  value: string;
  dataset: Record<string, string | undefined>;
  dispatchEvent(event: unknown): void;
}

/** Renderer figures: what the first load downloads, how soon a scenario shows results, how fast an edit shows. */
export async function rendererBenchmarks(): Promise<Record<string, unknown>> {
  if (!existsSync(join(rendererDir, 'index.html'))) return { rendererSkipped: 'out/renderer is not built' };
  const figures: Record<string, unknown> = bundleFigures();
  if (!existsSync(CHROMIUM.executablePath)) return { ...figures, rendererBrowserSkipped: `${CHROMIUM.executablePath} is missing` };
  return { ...figures, ...(await browserFigures()) };
}

/** Gzipped size of every script the first load fetches (entry + modulepreloads), per chunk and in total. */
function bundleFigures(): Record<string, unknown> {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const chunks = Object.fromEntries(
    initial.map((file) => [file.replace(/^assets\//, ''), kb(gzipSync(readFileSync(join(rendererDir, file))).length)]),
  );
  const total = Object.values(chunks).reduce((a, b) => a + b, 0);
  return { rendererInitialJsGzipKB: round(total), rendererInitialJsGzipTargetKB: 350, rendererInitialJsChunksGzipKB: chunks };
}

async function browserFigures(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'sizing-renderer-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  const ctx = createApiContext(store);
  const host = await startWebHost({ api: (method, input) => callApi(ctx, method, input), staticDir: rendererDir });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const project = await call<ProjectRow>(store, 'projects.create', { name: 'Bench' });
    const scenario = await call<ScenarioRow>(store, 'templates.createScenario', { projectId: project.id, templateId: 'public-api' });
    const url = `http://127.0.0.1:${host.port}/#/scenario/${scenario.id}?token=${host.token}`;
    const cold = await coldLoads(browser, url);
    const edits = await inputToResults(browser, url);
    return {
      rendererColdLoadToResultsMedianMs: round(median(cold)),
      rendererColdLoadToResultsRunsMs: cold.map(round),
      rendererInputToResultsMedianMs: round(median(edits.shown)),
      rendererInputToResultsTargetMs: 16,
      rendererInputToResultsRunsMs: edits.shown.map(round),
      rendererInputToConfirmedMedianMs: round(median(edits.confirmed)),
    };
  } finally {
    await browser.close();
    await host.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function call<T>(store: ReturnType<typeof openStore>, method: string, input: unknown): Promise<T> {
  const response = await callApi(createApiContext(store), method, input);
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return response.result as T;
}

/** Navigation start to the renderer's first-results mark, each load in a fresh browser context (cold caches). */
async function coldLoads(browser: Browser, url: string): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < COLD_LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-results-state="ready"]');
    runs.push(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.getEntriesByName('sizing:first-results')[0]!.startTime),
    );
    await context.close();
  }
  return runs;
}

/**
 * One edit of the concurrency, timed in the page with performance.now() from the input event: to the
 * next frame after the new figures are in the DOM (data-results-version moves: the figures a user
 * sees, computed in the renderer by the pure engine), and to the main process's confirmation of them
 * (data-results-confirmed), which is the round trip the figures no longer wait for.
 */
async function inputToResults(browser: Browser, url: string): Promise<{ shown: number[]; confirmed: number[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-results-state="ready"][data-results-confirmed="true"]');
  const shown: number[] = [];
  const confirmed: number[] = [];
  for (let i = 0; i < INPUT_CHANGES; i++) {
    const run = await page.evaluate(
      async (value) => {
        const g = globalThis as unknown as PageGlobals;
        // A pause longer than the confirmation interval, as between two deliberate edits.
        await new Promise((resolve) => setTimeout(resolve, 250));
        const input = g.document.querySelector('[data-testid="input-concurrency"]')!;
        const results = g.document.querySelector('[data-testid="results"]')!;
        const before = results.dataset.resultsVersion;
        const start = g.performance.now();
        let shownMs = -1;
        const done = new Promise<void>((resolve) => {
          const observer = new g.MutationObserver(() => {
            if (shownMs < 0 && results.dataset.resultsVersion !== before && results.dataset.resultsState === 'ready') {
              g.requestAnimationFrame(() => (shownMs = g.performance.now() - start));
            }
            if (results.dataset.resultsConfirmed === 'true' && results.dataset.resultsVersion !== before) {
              observer.disconnect();
              g.requestAnimationFrame(() => resolve());
            }
          });
          observer.observe(results, {
            attributes: true,
            attributeFilter: ['data-results-state', 'data-results-version', 'data-results-confirmed'],
          });
        });
        input.value = String(value);
        input.dispatchEvent(new g.Event('input', { bubbles: true }));
        await done;
        return { shownMs, confirmedMs: g.performance.now() - start };
      },
      4000 + i * 250,
    );
    shown.push(run.shownMs);
    confirmed.push(run.confirmedMs);
  }
  await context.close();
  return { shown, confirmed };
}
