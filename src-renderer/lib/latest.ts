/**
 * Only the latest question's answer counts: an answer or a failure that arrives after a newer
 * question was asked (or after cancel) is dropped. The one home of "latest answer wins" for the
 * editors (lib/live-edit.ts) and the panels (lib/latest-load.ts).
 */
export function latestOnly() {
  let seq = 0;
  return {
    async run<T>(ask: () => Promise<T>, settle: { answer: (answer: T) => void; failure: (error: unknown) => void }): Promise<void> {
      const mine = ++seq;
      let answer: T;
      try {
        answer = await ask();
      } catch (error) {
        if (mine === seq) settle.failure(error);
        return;
      }
      if (mine === seq) settle.answer(answer);
    },
    cancel(): void {
      seq++;
    },
  };
}
