import { onBeforeUnmount, onMounted } from 'vue';
import { onReconnect } from '../api/connection';

/** Runs `again` each time the planner answers after a lost connection, while the component is on screen. */
export function useOnReconnect(again: () => void): void {
  let stop: (() => void) | null = null;
  onMounted(() => (stop = onReconnect(again)));
  onBeforeUnmount(() => stop?.());
}
