/**
 * When to bring a crashed part of the app back and when to stop trying: a renderer that dies is
 * reloaded, but one that dies again and again within the recovery window is left for the user
 * (with the log) instead of reloading forever. Pure, so Vitest covers it without Electron.
 */
interface RecoveryPolicy {
  /** Crashes within windowMs that are still recovered automatically. */
  maxCrashes: number;
  windowMs: number;
}

export const RENDERER_RECOVERY: RecoveryPolicy = { maxCrashes: 3, windowMs: 60_000 };

export class CrashRecovery {
  private crashesAtMs: number[] = [];

  constructor(private readonly policy: RecoveryPolicy = RENDERER_RECOVERY) {}

  /** Records a crash at `nowMs`; true when it should be recovered, false when it crashed too often. */
  recordCrash(nowMs: number): boolean {
    this.crashesAtMs = [...this.crashesAtMs.filter((at) => nowMs - at < this.policy.windowMs), nowMs];
    return this.crashesAtMs.length <= this.policy.maxCrashes;
  }
}

/** Exits that are not failures: the renderer closed normally, or the user ended the app. */
export function isFailure(reason: string): boolean {
  return reason !== 'clean-exit';
}
