import 'server-only';
// Every page's <title> in the user's language (the root layout appends the application's name).
import type { Metadata } from 'next';
import type { MessageKey } from './index';
import { getI18n } from './server';

export async function pageTitle(key: MessageKey, params?: Record<string, string | number>): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t(key, params) };
}

/** A record page names its record; an unknown record (the page answers 404) gets the section's title. */
export async function recordTitle(name: string | null | undefined, fallback: MessageKey, suffix?: MessageKey): Promise<Metadata> {
  const { t } = await getI18n();
  if (!name) return { title: t(fallback) };
  return { title: suffix ? `${name} · ${t(suffix)}` : name };
}
