import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  SERVING_ENGINE_NAMES,
  ENGINE_VERSIONS,
  enginePolicy,
  HA_POLICIES,
  KV_PRECISION_CHOICES,
  MEMORY_BASES,
  METHOD_IDS,
  SERVING_ENGINES,
  storageName,
  WEIGHTS_PRECISIONS,
  type Lang,
  type ServingEngine,
} from '../../src-main/engine/index';
import { useCatalogsStore } from '../stores/catalogs';
import { HA_LABEL_KEYS, type ChoiceField } from './scenario-form';

/** One value of a list input and its label. */
export interface ChoiceOption {
  value: string;
  label: string;
}

/**
 * The values each list input offers, with their labels in the current language: the editor's and the
 * overrides'. Given the scenario's serving engine, the empty engine version says which version it sizes with.
 */
export function useChoiceOptions(servingEngine: () => ServingEngine | undefined = () => undefined) {
  const { t, locale } = useI18n();
  const catalogs = useCatalogsStore();
  const defaultVersion = (engine: ServingEngine | undefined) =>
    engine
      ? t('choices.engineVersionDefault', { version: `${SERVING_ENGINE_NAMES[engine]} ${enginePolicy(engine).version}` })
      : t('choices.engineDefault');
  return computed<Record<ChoiceField, ChoiceOption[]>>(() => {
    const view = catalogs.view;
    return {
      method: METHOD_IDS.map((id) => ({ value: id, label: t(`choices.method.${id}`) })),
      modelId: (view?.models ?? []).map((m) => ({ value: m.id, label: m.name === m.id ? m.id : `${m.name} (${m.id})` })),
      kvPrecision: KV_PRECISION_CHOICES.map((id) => ({ value: id, label: id })),
      weightsPrecision: [{ value: '', label: t('choices.asShipped') }, ...WEIGHTS_PRECISIONS.map((id) => ({ value: id, label: id }))],
      servingEngine: [
        { value: '', label: t('choices.engineDefault') },
        ...SERVING_ENGINES.map((id) => ({ value: id, label: SERVING_ENGINE_NAMES[id] })),
      ],
      engineVersion: [
        { value: '', label: defaultVersion(servingEngine()) },
        ...SERVING_ENGINES.flatMap((engine) =>
          ENGINE_VERSIONS[engine].map((v) => ({ value: v, label: `${SERVING_ENGINE_NAMES[engine]} ${v}` })),
        ),
      ],
      calibration: [
        { value: '', label: t('choices.calibration.auto') },
        { value: 'off', label: t('choices.calibration.off') },
      ],
      serverId: (view?.servers ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.id})` })),
      storageId: (view?.storage ?? []).map((s) => ({ value: s.id, label: storageName(s)[locale.value as Lang] })),
      memoryBasis: MEMORY_BASES.map((id) => ({ value: id, label: t(`choices.memoryBasis.${id}`) })),
      ha: HA_POLICIES.map((id) => ({ value: id, label: t(HA_LABEL_KEYS[id]) })),
    };
  });
}
