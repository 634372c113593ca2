import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../../src-main/api/index.js';
import { findTemplate } from '../../../src-main/engine/index.js';
import { openStore } from '../../../src-main/store/index.js';
import { sizing, sizingAsync } from '../helpers/cli.js';
import { bundleFixture } from '../helpers/bundle.js';
import { ok, tempDir, tempStore } from '../helpers/temp.js';

function run(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}: ${err}`))));
  });
}

const saas = findTemplate('saas-startup')!.inputs;

describe('sizing save is an upsert in one transaction', () => {
  it('three writers saving at once, 15 rounds into new projects and 15 into shared scenario names: never a conflict', async () => {
    const saver = await bundleFixture('test/unit/fixtures/saver.ts', 'saver');
    const db = join(tempDir(), 'race.db');
    const runs = await Promise.all([0, 1, 2].map((writer) => run(saver, [db, String(writer), '15'])));
    expect(runs.flatMap((out) => JSON.parse(out) as string[])).toEqual([]);
    const projects = JSON.parse(sizing(['project', 'list', '--db', db, '--format', 'json']).stdout) as {
      name: string;
      scenarioCount: number;
    }[];
    expect(projects).toHaveLength(16);
    expect(projects.find((p) => p.name === 'Shared')!.scenarioCount).toBe(3);
    expect(projects.filter((p) => p.name !== 'Shared').every((p) => p.scenarioCount === 1)).toBe(true);
  });

  it('the command line itself: three simultaneous `sizing save` of the same new names succeed', async () => {
    const db = join(tempDir(), 'cli-race.db');
    for (let round = 0; round < 2; round++) {
      const runs = await Promise.all(
        [0, 1, 2].map((i) =>
          sizingAsync([
            'save',
            '--project',
            `Fresh ${round}`,
            '--name',
            'Same',
            '--template',
            'saas-startup',
            '--concurrency',
            String(100 + i),
            '--db',
            db,
          ]),
        ),
      );
      expect(runs.map((r) => [r.status, r.stderr])).toEqual([
        [0, ''],
        [0, ''],
        [0, ''],
      ]);
      expect(runs.map((r) => r.stdout).sort()).toEqual([
        `saved Fresh ${round} / Same\n`,
        `updated Fresh ${round} / Same\n`,
        `updated Fresh ${round} / Same\n`,
      ]);
    }
  });

  it('creates, then updates the inputs and keeps notes and regions unless given', async () => {
    const { ctx } = tempStore();
    const first = await ok(ctx, 'scenarios.save', {
      projectName: 'P',
      name: 'S',
      inputs: saas,
      notesIfNew: 'from the template',
      regions: [{ name: 'EU', concurrency: 10, overrides: {} }],
    });
    expect(first.created).toBe(true);
    expect(first.scenario.notes).toBe('from the template');
    const second = await ok(ctx, 'scenarios.save', {
      projectName: ' P ',
      name: 's',
      inputs: { ...saas, concurrency: 77 },
      notesIfNew: 'ignored',
    });
    expect(second.created).toBe(false);
    expect(second.scenario.id).toBe(first.scenario.id);
    expect(second.scenario.inputs.concurrency).toBe(77);
    expect(second.scenario.notes).toBe('from the template');
    expect(second.scenario.regions).toHaveLength(1);
    const bad = await callApi(ctx, 'scenarios.save', { projectName: 'Q', name: 'S', inputs: { ...saas, modelId: 'gpt-9' } });
    expect(bad).toMatchObject({ ok: false, error: { field: 'inputs.modelId' } });
    // One action, one transaction: the refused save did not leave project Q behind.
    expect(await ok(ctx, 'projects.find', { name: 'Q' })).toBeNull();
  });

  it("a template's note follows the inputs saved over it, in a real database file; notes given with --notes are kept as written", () => {
    const db = join(tempDir(), 'notes.db');
    const save = (args: string[]) => {
      const r = sizing(['save', '--project', 'P', '--db', db, ...args]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    };
    const notesOf = (name: string) => {
      const store = openStore(db, { access: 'read' });
      try {
        const project = store.projects.findByName('P')!;
        return store.scenarios.findByName(project.id, name)!.notes;
      } finally {
        store.close();
      }
    };
    const template = findTemplate('saas-startup')!;
    const adapted =
      'A chat assistant for a SaaS start-up in its early stage, growing organically.\nStarted from the reference case “SaaS start-up assistant” of the original sizing document; its inputs have been changed since.';
    save(['--name', 'Chat', '--template', 'saas-startup']);
    expect(notesOf('Chat')).toBe(template.notes.en);
    // Saved over with other inputs (no template): the note no longer calls it the reference case.
    save(['--name', 'Chat', '--model', 'llama-3.1-8b', '--server', 'dgx100', '--concurrency', '300', '--effective-context', '8192']);
    expect(notesOf('Chat')).toBe(adapted);
    save(['--name', 'Chat', '--template', 'saas-startup']);
    expect(notesOf('Chat')).toBe(template.notes.en);
    // A template with flags that change it is not the reference case from the start, in the language of the command.
    save(['--name', 'Larger', '--template', 'saas-startup', '--concurrency', '3000', '--lang', 'pt-BR']);
    expect(notesOf('Larger')).toBe(
      'Assistente de chat de uma start-up SaaS em fase inicial, crescendo aos poucos.\nPartiu do caso de referência “Assistente de start-up SaaS” do documento original de dimensionamento; as entradas foram alteradas depois.',
    );
    save(['--name', 'Mine', '--template', 'saas-startup', '--notes', 'Pilot for the support team.']);
    save(['--name', 'Mine', '--template', 'saas-startup', '--concurrency', '50']);
    expect(notesOf('Mine')).toBe('Pilot for the support team.');
  });
});
