import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LAYER_RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The layering errors ESLint reports for `code` placed at `file` (relative to the repository). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === LAYER_RULE).map((m) => m.message);
}

/** [file, import line, allowed?] — each forbidden import must fail lint, each allowed one pass. */
const CASES: Array<[string, string, boolean]> = [
  ['src-main/engine/plan.ts', "import { readFileSync } from 'node:fs';", false],
  ['src-main/engine/plan.ts', "import { app } from 'electron';", false],
  ['src-main/engine/plan.ts', "import { z } from 'zod';", false],
  ['src-main/engine/plan.ts', "import { openStore } from '../store/index.js';", false],
  ['src-main/engine/plan.ts', "import { label } from '../i18n/labels.js';", false],
  ['src-main/engine/plan.ts', "import { toCsv } from '../export/csv.js';", false],
  ['src-main/engine/plan.ts', "import { sizePooled } from './pooled.js';", true],
  ['src-main/engine/catalogs/models.ts', "import type { ModelRecord } from '../types.js';", true],
  ['src-main/engine/catalogs/models.ts', "import { openStore } from '../../store/index.js';", false],
  ['src-main/schemas/index.ts', "import { z } from 'zod';", true],
  ['src-main/schemas/index.ts', "import { NUMBER_RULES } from '../engine/index.js';", true],
  ['src-main/schemas/index.ts', "import { openStore } from '../store/index.js';", false],
  ['src-main/schemas/index.ts', "import { readFileSync } from 'node:fs';", false],
  ['src-main/store/index.ts', "import { names } from '../../src-renderer/lib/names';", false],
  ['src-main/electron/main.ts', "import App from '../../src-renderer/App.vue';", false],
  ['src-renderer/stores/scenario.ts', "import { planScenario } from '../../src-main/engine/index';", true],
  ['src-renderer/stores/scenario.ts', "import type { ApiResponse } from '../../src-main/api/types';", true],
  ['src-renderer/stores/scenario.ts', "import { callApi } from '../../src-main/api/index';", false],
  ['src-renderer/stores/scenario.ts', "import { openStore } from '../../src-main/store/index';", false],
  ['src-renderer/stores/scenario.ts', "import { ipcRenderer } from 'electron';", false],
  [
    'src-renderer/components/Thing.vue',
    '<script setup lang="ts">\nimport { callApi } from \'../../src-main/api/index\';\n</script>',
    false,
  ],
  ['src-renderer/lib/names.ts', "import ChoiceField from '../components/scenario/ChoiceField.vue';", false],
  ['src-renderer/lib/names.ts', "import type { Nav } from '../views/ProjectView.vue';", false],
  ['src-renderer/lib/names.ts', "import { useCatalogsStore } from '../stores/catalogs';", true],
];

describe('lint keeps the layers', () => {
  it.each(CASES)('%s: %s → allowed %s', async (file, code, allowed) => {
    const errors = await layerErrors(file, code);
    if (allowed) expect(errors).toEqual([]);
    else expect(errors).toHaveLength(1);
  });
});
