import { useI18n } from 'vue-i18n';
import type { HaPolicy, SizingInputs } from '../../src-main/engine/index';
import { useFormat } from '../i18n';
import { useCatalogsStore } from '../stores/catalogs';
import { FIELD_SPECS, HA_LABEL_KEYS, type UnitKey } from './scenario-form';

/** Units read as a word after the number; ratios and factors are plain numbers, money has its own format. */
const SPOKEN_UNITS: ReadonlySet<UnitKey> = new Set(['sessions', 'tokens', 'gib', 'seconds', 'years', 'usdPerKwh', 'nodes', 'minutes']);

/** One input's value as a person reads it: catalog names, choice labels, numbers per locale with their unit. */
export function useInputFormat() {
  const { t } = useI18n();
  const { lang, num, usd } = useFormat();
  const catalogs = useCatalogsStore();

  function choiceText(field: keyof SizingInputs, value: string): string {
    switch (field) {
      case 'modelId':
        return catalogs.modelName(value);
      case 'serverId':
        return catalogs.serverName(value);
      case 'storageId':
        return catalogs.storageName(value, lang.value);
      case 'ha':
        return t(HA_LABEL_KEYS[value as HaPolicy]);
      case 'memoryBasis':
      case 'method':
      case 'calibration':
        return t(`choices.${field}.${value}`);
      default:
        return value;
    }
  }

  function formatInput(field: keyof SizingInputs, value: unknown): string {
    if (value === undefined || value === null) return t('common.notSet');
    const spec = FIELD_SPECS[field];
    if (spec.kind === 'choice' || typeof value !== 'number') return choiceText(field, String(value));
    if (spec.unit === 'usd') return usd(value);
    const text = num(value, 4);
    return SPOKEN_UNITS.has(spec.unit) ? `${text} ${t(`units.${spec.unit}`)}` : text;
  }

  return { formatInput };
}
