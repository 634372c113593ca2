export type NativeModuleCheck =
  { status: 'ok' } | { status: 'missing' } | { status: 'mismatch'; foundAbi: string | null; expectedAbi: string };
export function abiOfNativeModule(binary: Uint8Array): string | null;
export function checkNativeModule(file: string, expectedAbi: string): NativeModuleCheck;
