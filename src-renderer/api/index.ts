import type { SizingBridge } from '../../src-main/api/bridge';
import { bridgeTransport, createApiClient, httpTransport, type ApiClient } from './client';
import { takeTokenFromLocation } from './token';

export { ApiCallError, createApiClient, type ApiClient, type ApiTransport } from './client';

declare global {
  interface Window {
    /** Present only inside the Electron shell (the preload bridge). */
    sizingApi?: SizingBridge;
  }
}

let client: ApiClient | null = null;

/** The one way to reach the main process: the preload bridge in Electron, fetch() under the web host. */
export function api(): ApiClient {
  client ??= createApiClient(window.sizingApi ? bridgeTransport(window.sizingApi) : httpTransport(takeTokenFromLocation(window.location, window.sessionStorage, window.history)));
  return client;
}

/** Tests and benchmarks plug in their own transport. */
export function setApiClient(next: ApiClient | null): void {
  client = next;
}

export function bridge(): SizingBridge | undefined {
  return window.sizingApi;
}
