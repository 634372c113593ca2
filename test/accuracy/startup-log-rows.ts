// How a row of startup-logs.json becomes a scenario, shared by `npm run accuracy` and the tests.
import logs from './startup-logs.json' with { type: 'json' };
import { versionFamilyOf, type SizingInputs } from '../../src-main/engine/index.js';

export type StartupLogRow = (typeof logs.rows)[number];

/** A row's scenario: its inputs, sized with the version family of the engine version its log states. */
export function startupLogInputs(row: StartupLogRow): Partial<SizingInputs> {
  const inputs = row.inputs as Partial<SizingInputs>;
  if (!('engineVersionLogged' in row) || row.engineVersionLogged === undefined) return inputs;
  return { ...inputs, engineVersion: versionFamilyOf(inputs.servingEngine ?? 'vllm', row.engineVersionLogged) };
}

/** The tolerance a row's available KV is tested at: issue 8's 3% unless the row states its own (and why). */
export const kvToleranceOf = (row: StartupLogRow): number =>
  'kvTolerance' in row && row.kvTolerance !== undefined ? row.kvTolerance : 0.03;
