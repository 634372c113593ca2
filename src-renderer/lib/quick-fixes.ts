import type { FeasibilityFix, KvPrecision, WeightsPrecision } from '../../src-main/engine/index';
import { currentLanguage } from '../i18n';
import { useScenarioStore } from '../stores/scenario';
import { numberText } from './number-entry';

/**
 * A quick fix is the engine's FeasibilityFix (engine/fixes.ts): one input change, already checked
 * by re-sizing, with the node count and CapEx it gives. Applying one edits the open scenario.
 */
export type QuickFix = FeasibilityFix;

export function applyQuickFix(fix: QuickFix): void {
  const scenario = useScenarioStore();
  if (fix.field === 'kvPrecision') scenario.setChoice('kvPrecision', fix.value as KvPrecision);
  else if (fix.field === 'weightsPrecision') scenario.setChoice('weightsPrecision', fix.value as WeightsPrecision);
  else if (fix.field === 'serverId') {
    // The engine re-sized it with TP at its default for the new server, as the editor then shows.
    scenario.setChoice('serverId', fix.value as string);
    scenario.setNumber('tp', '');
  } else {
    if (fix.field === 'effectiveContextTokens') scenario.setNumber('maxModelLen', '');
    scenario.setNumber(fix.field, numberText(fix.value as number, currentLanguage()));
  }
}
