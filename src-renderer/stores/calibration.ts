import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { CalibrationReadResult, CalibrationRequestInput } from '../../src-main/api/types';
import type { StoredCalibrationProfile } from '../../src-main/engine/index';
import { api } from '../api';

/** Stored calibration profiles, and reading a start-up log into a new one. */
export const useCalibrationStore = defineStore('calibration', () => {
  const profiles = shallowRef<StoredCalibrationProfile[] | null>(null);

  async function load(): Promise<void> {
    profiles.value = await api().call('calibration.list', {});
  }

  function read(input: CalibrationRequestInput): Promise<CalibrationReadResult> {
    return api().call('calibration.read', input);
  }

  async function save(
    input: CalibrationRequestInput,
  ): Promise<{ saved: StoredCalibrationProfile; replaced: StoredCalibrationProfile | null }> {
    const result = await api().call('calibration.save', input);
    await load();
    return result;
  }

  async function remove(id: number): Promise<void> {
    await api().call('calibration.delete', { id });
    await load();
  }

  return { profiles, load, read, save, remove };
});
