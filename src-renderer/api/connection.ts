import { ref } from 'vue';
import { ApiCallError, type ApiClient } from './client';

/**
 * Whether the main process answers: 'lost' when it cannot be reached (the web host stopped, the
 * network between failed), 'refused' when it answers but no longer knows this page's token (the
 * web host was restarted with a new one). Either is a state of its own, never "not found".
 */
type ConnectionState = 'online' | 'lost' | 'refused';

export const connection = ref<ConnectionState>('online');
const reconnectListeners = new Set<() => void>();

function noteFailure(error: unknown): void {
  if (!(error instanceof ApiCallError)) return;
  if (error.code === 'network') connection.value = 'lost';
  else if (error.code === 'unauthorized') connection.value = 'refused';
}

function noteAnswer(): void {
  if (connection.value === 'online') return;
  connection.value = 'online';
  for (const listener of [...reconnectListeners]) listener();
}

/** Every call through `client` tells the connection state what it found. */
export function watchConnection(client: ApiClient): ApiClient {
  return {
    async call(method, input) {
      try {
        const result = await client.call(method, input);
        noteAnswer();
        return result;
      } catch (error) {
        // An answer that is a refusal of the input still proves the planner is there.
        if (error instanceof ApiCallError && error.code !== 'network' && error.code !== 'unauthorized') noteAnswer();
        noteFailure(error);
        throw error;
      }
    },
  };
}

/** Runs `listener` each time the planner answers again after a lost connection; returns the unsubscribe function. */
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}
