import { z } from 'zod';
import { read, type MethodMap } from '../define.js';
import { empty } from '../shared.js';

/** A renderer failure as the page reports it: where it was caught, its message and its stack. */
const rendererError = z.strictObject({
  source: z.enum(['vue', 'error', 'unhandledrejection']),
  message: z.string().max(2000),
  stack: z.string().max(8000).optional(),
  /** Vue's hint of where the error happened ("render function", "watcher callback"…). */
  info: z.string().max(200).optional(),
});

export const APP_METHODS: MethodMap<'app.info' | 'app.reportError'> = {
  'app.info': read(empty, (ctx) => ctx.info()),
  // Writes to the log, never to the store.
  'app.reportError': read(rendererError, (ctx, i) => {
    ctx.log?.({ level: 'error', message: `renderer ${i.source}: ${i.message}${i.info ? ` (${i.info})` : ''}`, stack: i.stack });
    return { logged: ctx.log !== undefined };
  }),
};
