/**
 * Runs `task` soon after a burst of changes: after `firstDelayMs` when nothing ran during the last
 * `intervalMs` (so one edit is answered at once), otherwise once the interval has passed, with the
 * latest request only (so typing asks at most every `intervalMs`).
 */
export function createScheduler(intervalMs: number, task: () => void, firstDelayMs = 0) {
  let lastRun = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function run() {
    timer = null;
    lastRun = Date.now();
    task();
  }

  return {
    request() {
      if (timer !== null) return;
      const wait = Math.max(lastRun + intervalMs - Date.now(), firstDelayMs);
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** Classic trailing debounce with flush(): autosave waits for a pause, and runs at once on leave. */
export function debounce(delayMs: number, task: () => void) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    request() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        task();
      }, delayMs);
    },
    flush() {
      if (timer === null) return;
      clearTimeout(timer);
      timer = null;
      task();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    get pending() {
      return timer !== null;
    },
  };
}
