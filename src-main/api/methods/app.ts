import { read, type MethodMap } from '../define.js';
import { empty } from '../shared.js';

export const APP_METHODS: MethodMap<'app.info'> = {
  'app.info': read(empty, (ctx) => ctx.info()),
};
