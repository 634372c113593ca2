import { settingsSchema } from '../../schemas/index.js';
import { read, write, type MethodMap } from '../define.js';
import { empty } from '../shared.js';

export const SETTINGS_METHODS: MethodMap<'settings.get' | 'settings.set'> = {
  'settings.get': read(empty, (ctx) => ctx.store.settings.get()),
  'settings.set': write(settingsSchema.partial(), (ctx, i) => ctx.store.settings.set(i), { changes: 'settings' }),
};
