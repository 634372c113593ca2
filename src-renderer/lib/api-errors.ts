import { ApiCallError } from '../api/client';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** An API failure in the user's language; the server's message is kept, it names the field. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!(error instanceof ApiCallError)) return t('errors.other', { message: error instanceof Error ? error.message : String(error) });
  switch (error.code) {
    case 'network':
      return t('errors.network');
    case 'unauthorized':
    case 'forbidden':
      return t('errors.unauthorized');
    case 'not_found':
      return t('errors.notFound', { message: error.message });
    case 'conflict':
      return t('errors.conflict', { message: error.message });
    case 'invalid_input':
      return t('errors.invalid', { message: error.message });
    default:
      return t('errors.other', { message: error.message });
  }
}
