import { describe, expect, it } from 'vitest';
import { CrashRecovery, isFailure, RENDERER_RECOVERY } from '../../../src-main/electron/crash-recovery.js';

describe('crash recovery window', () => {
  it('recovers up to the limit within the window, then stops', () => {
    const recovery = new CrashRecovery({ maxCrashes: 3, windowMs: 60_000 });
    expect([0, 10_000, 20_000].map((t) => recovery.recordCrash(t))).toEqual([true, true, true]);
    expect(recovery.recordCrash(30_000)).toBe(false);
  });

  it('forgets crashes older than the window', () => {
    const recovery = new CrashRecovery({ maxCrashes: 2, windowMs: 60_000 });
    expect([recovery.recordCrash(0), recovery.recordCrash(1_000)]).toEqual([true, true]);
    expect(recovery.recordCrash(61_001)).toBe(true); // the crash at 0 has left the window
    expect(recovery.recordCrash(61_500)).toBe(true);
    expect(recovery.recordCrash(61_600)).toBe(false);
  });

  it('the renderer gets three reloads a minute; a clean exit is no failure', () => {
    expect(RENDERER_RECOVERY).toEqual({ maxCrashes: 3, windowMs: 60_000 });
    expect(['crashed', 'oom', 'killed', 'abnormal-exit', 'launch-failed', 'integrity-failure'].every(isFailure)).toBe(true);
    expect(isFailure('clean-exit')).toBe(false);
  });
});
