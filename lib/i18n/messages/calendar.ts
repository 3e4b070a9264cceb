// The personal calendar feed of follow-ups (SPEC section 17): "Kalender-Abo" in the user menu and the
// words inside the feed itself.
import type { Messages } from '../types';

export const de = {
  'calendar.nav': 'Kalender-Abo',
  'calendar.title': 'Kalender-Abo',
  'calendar.intro':
    'Ihre Wiedervorlagen (Nächste Aktion Ihrer CRM-Tickets) als Kalender-Abo in Outlook, Thunderbird oder Google Kalender. Der Kalender zeigt die Aktionen ab 90 Tagen vor heute, höchstens {max}, und wird vom Kalenderprogramm regelmäßig neu geladen (Google Kalender: alle paar Stunden).',
  'calendar.secret':
    'Wer die Adresse kennt, sieht Ihre Wiedervorlagen ohne Anmeldung. Geben Sie sie nicht weiter; wenn sie in falsche Hände gerät, widerrufen Sie sie.',
  'calendar.active': 'Ein Kalender-Abo ist aktiv (Adresse erstellt am {date}).',
  'calendar.none': 'Sie haben kein aktives Kalender-Abo.',
  'calendar.create': 'Kalender-Adresse erstellen',
  'calendar.replace': 'Neue Adresse erstellen (die alte wird ungültig)',
  'calendar.revoke': 'Adresse widerrufen',
  'calendar.created': 'Die Kalender-Adresse wurde erstellt. Sie wird nur jetzt angezeigt: kopieren Sie sie gleich.',
  'calendar.revoked': 'Die Kalender-Adresse wurde widerrufen. Kalender, die sie abonniert haben, erhalten keine Daten mehr.',
  'calendar.address': 'Ihre Kalender-Adresse',
  'calendar.copyHint': 'Markieren Sie die Adresse (Strg+A im Feld) und kopieren Sie sie (Strg+C).',
  'calendar.howto': 'So abonnieren Sie den Kalender',
  'calendar.howto.outlook': 'Outlook: Kalender hinzufügen → Aus dem Internet, Adresse einfügen.',
  'calendar.howto.thunderbird': 'Thunderbird: Neuer Kalender → Im Netzwerk, Adresse einfügen.',
  'calendar.howto.google': 'Google Kalender: Andere Kalender → Per URL, Adresse einfügen.',
  'calendar.error.noFeed': 'Es gibt keine aktive Kalender-Adresse zum Widerrufen.',
  'calendar.feed.name': 'Meine Wiedervorlagen',
  'calendar.feed.partner': 'Partner: {name}',
  'calendar.feed.status': 'CRM-Status: {name}',
  'calendar.feed.action': 'Nächste Aktion: {text}',
} as const;

export const en: Messages<typeof de> = {
  'calendar.nav': 'Calendar subscription',
  'calendar.title': 'Calendar subscription',
  'calendar.intro':
    'Your follow-ups (the next action of your CRM tickets) as a calendar subscription in Outlook, Thunderbird or Google Calendar. The calendar shows the actions from 90 days before today on, at most {max}, and your calendar program reloads it regularly (Google Calendar: every few hours).',
  'calendar.secret':
    'Anyone who knows the address sees your follow-ups without signing in. Do not pass it on; if it falls into the wrong hands, revoke it.',
  'calendar.active': 'A calendar subscription is active (address created on {date}).',
  'calendar.none': 'You have no active calendar subscription.',
  'calendar.create': 'Create calendar address',
  'calendar.replace': 'Create a new address (the old one stops working)',
  'calendar.revoke': 'Revoke address',
  'calendar.created': 'The calendar address was created. It is shown only now: copy it right away.',
  'calendar.revoked': 'The calendar address was revoked. Calendars subscribed to it receive no more data.',
  'calendar.address': 'Your calendar address',
  'calendar.copyHint': 'Select the address (Ctrl+A in the field) and copy it (Ctrl+C).',
  'calendar.howto': 'How to subscribe',
  'calendar.howto.outlook': 'Outlook: Add calendar → From Internet, paste the address.',
  'calendar.howto.thunderbird': 'Thunderbird: New Calendar → On the Network, paste the address.',
  'calendar.howto.google': 'Google Calendar: Other calendars → From URL, paste the address.',
  'calendar.error.noFeed': 'There is no active calendar address to revoke.',
  'calendar.feed.name': 'My follow-ups',
  'calendar.feed.partner': 'Partner: {name}',
  'calendar.feed.status': 'CRM status: {name}',
  'calendar.feed.action': 'Next action: {text}',
};
