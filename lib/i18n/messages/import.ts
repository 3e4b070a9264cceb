// The CSV import (issue 22): reading the file, its cells, and matching rows to records.
import type { Messages } from '../types';

export const de = {
  // ---------------------------------------------------------------- import.values.*
  'import.values.number': 'Keine Zahl in der Schreibweise der Datei.',
  'import.values.integer': 'Hier ist nur eine ganze Zahl erlaubt.',
  'import.values.tooLarge': 'Die Zahl ist zu groß.',
  'import.values.moneyCents': 'Ein Betrag hat höchstens zwei Nachkommastellen.',
  'import.values.percentRange': 'Ein Prozentwert liegt zwischen 0 und 100.',
  'import.values.date': 'Kein Datum (TT.MM.JJJJ oder JJJJ-MM-TT).',
  'import.values.dateInvalid': 'Dieses Datum gibt es nicht.',
  'import.values.datetime': 'Kein Zeitpunkt (TT.MM.JJJJ HH:MM oder ISO 8601).',
  'import.values.boolean': 'Erwartet wird Ja oder Nein.',
  'import.values.unknownEntry': 'Unbekannter Eintrag: {name}',
  'import.values.archivedEntry': 'Archivierter Eintrag kann nicht neu gewählt werden: {name}',
};

export const en: Messages<typeof de> = {
  // ---------------------------------------------------------------- import.values.*
  'import.values.number': 'Not a number as this file writes numbers.',
  'import.values.integer': 'Only a whole number is allowed here.',
  'import.values.tooLarge': 'The number is too large.',
  'import.values.moneyCents': 'An amount has at most two decimals.',
  'import.values.percentRange': 'A percentage lies between 0 and 100.',
  'import.values.date': 'Not a date (DD.MM.YYYY or YYYY-MM-DD).',
  'import.values.dateInvalid': 'This date does not exist.',
  'import.values.datetime': 'Not a date and time (DD.MM.YYYY HH:MM or ISO 8601).',
  'import.values.boolean': 'Yes or No expected.',
  'import.values.unknownEntry': 'Unknown entry: {name}',
  'import.values.archivedEntry': 'An archived entry cannot be chosen anew: {name}',
};
