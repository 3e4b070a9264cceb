// The login page.
import type { Messages } from '../types';

export const de = {
  'login.title': 'Anmelden',
  'login.email': 'E-Mail',
  'login.password': 'Passwort',
  'login.submit': 'Anmelden',
  'login.failed': 'E-Mail oder Passwort ist falsch.',
  'login.throttled': 'Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es in einigen Minuten erneut.',
  'account.password.title': 'Passwort ändern',
  'account.password.current': 'Aktuelles Passwort',
  'account.password.new': 'Neues Passwort',
  'account.password.repeat': 'Neues Passwort wiederholen',
  'account.password.rules': 'Mindestens 10 Zeichen; häufig verwendete Passwörter werden abgelehnt.',
  'account.password.othersEnd': 'Ihre anderen Sitzungen (andere Browser und Geräte) werden dabei beendet.',
  'account.password.changed': 'Das Passwort wurde geändert. Ihre anderen Sitzungen wurden beendet.',
} as const;

export const en: Messages<typeof de> = {
  'login.title': 'Sign in',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Email or password is incorrect.',
  'login.throttled': 'Too many failed sign-ins. Please try again in a few minutes.',
  'account.password.title': 'Change password',
  'account.password.current': 'Current password',
  'account.password.new': 'New password',
  'account.password.repeat': 'Repeat new password',
  'account.password.rules': 'At least 10 characters; commonly used passwords are refused.',
  'account.password.othersEnd': 'Your other sessions (other browsers and devices) are ended.',
  'account.password.changed': 'Your password was changed. Your other sessions were ended.',
};
