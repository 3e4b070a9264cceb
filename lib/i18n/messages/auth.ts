// The login page.
import type { Messages } from '../types';

export const de = {
  'login.title': 'Anmelden',
  'login.email': 'E-Mail',
  'login.password': 'Passwort',
  'login.submit': 'Anmelden',
  'login.failed': 'E-Mail oder Passwort ist falsch.',
  'login.throttled': 'Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in einigen Minuten erneut.',
} as const;

export const en: Messages<typeof de> = {
  'login.title': 'Sign in',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Email or password is incorrect.',
  'login.throttled': 'Too many failed sign-ins. Please try again in a few minutes.',
};
