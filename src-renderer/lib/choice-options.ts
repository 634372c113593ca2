import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { HA_POLICIES, MEMORY_BASES, METHOD_IDS, PRECISION_IDS } from '../../src-main/engine/index';
import { useCatalogsStore } from '../stores/catalogs';
import { HA_LABEL_KEYS, type ChoiceField } from './scenario-form';

/** One value of a list input and its label. */
export interface ChoiceOption {
  value: string;
  label: string;
}

/** The values each list input offers, with their labels in the current language: the editor's and the overrides'. */
export function useChoiceOptions() {
  const { t } = useI18n();
  const catalogs = useCatalogsStore();
  return computed<Record<ChoiceField, ChoiceOption[]>>(() => {
    const view = catalogs.view;
    return {
      method: METHOD_IDS.map((id) => ({ value: id, label: t(`choices.method.${id}`) })),
      modelId: (view?.models ?? []).map((m) => ({ value: m.id, label: m.name === m.id ? m.id : `${m.name} (${m.id})` })),
      kvPrecision: PRECISION_IDS.map((id) => ({ value: id, label: id })),
      serverId: (view?.servers ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.id})` })),
      storageId: (view?.storage ?? []).map((s) => ({ value: s.id, label: s.name })),
      memoryBasis: MEMORY_BASES.map((id) => ({ value: id, label: t(`choices.memoryBasis.${id}`) })),
      ha: HA_POLICIES.map((id) => ({ value: id, label: t(HA_LABEL_KEYS[id]) })),
    };
  });
}
