import type { SizingBridge } from '../../src-main/api/bridge';
import { currentLanguage } from '../i18n';
import { bridgeTransport, createApiClient, httpTransport, type ApiClient } from './client';
import { watchConnection } from './connection';
import { reloadOnNewToken, takeTokenFromLocation } from './token';

export { ApiCallError, type ApiClient } from './client';

declare global {
  interface Window {
    /** Present only inside the Electron shell (the preload bridge). */
    sizingApi?: SizingBridge;
  }
}

let client: ApiClient | null = null;

/**
 * The one way to reach the main process: the preload bridge in Electron, fetch() under the web host.
 * Every call also tells the connection state (api/connection.ts) whether the planner answered.
 */
export function api(): ApiClient {
  client ??= watchConnection(createApiClient(window.sizingApi ? bridgeTransport(window.sizingApi) : webTransport(), currentLanguage));
  return client;
}

function webTransport() {
  reloadOnNewToken(window);
  return httpTransport(takeTokenFromLocation(window.location, window.sessionStorage, window.history));
}

/** Tests and benchmarks plug in their own transport. */
export function setApiClient(next: ApiClient | null): void {
  client = next && watchConnection(next);
}

export function bridge(): SizingBridge | undefined {
  return window.sizingApi;
}
