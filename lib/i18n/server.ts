import 'server-only';
// The current request's language: the signed-in user's choice, German otherwise.
import { cache } from 'react';
import { getCurrentUser } from '@/lib/auth/guards';
import { formatter, translator } from './index';

export const getI18n = cache(async () => {
  const user = await getCurrentUser();
  const locale = user?.locale ?? 'de';
  return { locale, t: translator(locale), format: formatter(locale) };
});
