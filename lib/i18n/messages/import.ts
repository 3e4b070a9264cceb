// The CSV import (/data-manager/import, SPEC section 18): reading the file and its headers, its cell
// values, and matching rows to records.
import type { Messages } from '../types';

export const de = {
  // import.parse: reading the file and mapping its headers (lib/import/parse).
  'import.parse.tooLarge': 'Die Datei ist {size} MB groß; importiert werden Dateien bis {limit} MB.',
  'import.parse.invalidUtf8': 'Die Datei beginnt mit einer UTF-8-Kennung (BOM), enthält aber ungültige UTF-8-Zeichen.',
  'import.parse.empty': 'Die Datei enthält keine Zeilen.',
  'import.parse.quotes': 'Anführungszeichen sind nicht richtig gesetzt (z. B. nicht geschlossen).',
  'import.parse.cellCount': 'Die Zeile hat {found} Zellen, die Kopfzeile {expected}.',
  'import.parse.emptyHeader': 'Spalte {position} hat keine Überschrift.',
  'import.parse.duplicateHeader': 'Die Überschrift kommt mehrfach vor.',
  'import.parse.unknownHeader': 'Die Überschrift ist keiner Spalte zugeordnet.',
  'import.parse.columnTwice': 'Diese Spalte ist bereits einer anderen Überschrift zugeordnet.',
  'import.parse.headerTwice': 'Die Überschrift ist in der Zuordnung mehrfach enthalten.',

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

  // ---------------------------------------------------------------- import.plan.* (the dry run, lib/import/plan)
  'import.plan.crmColumns': 'CRM-Spalten dürfen nur Benutzer mit der Rolle CRM importieren: {columns}',
  'import.plan.noColumns': 'Keine Spalte der Datei ist einem importierbaren Feld zugeordnet.',
  'import.plan.createEntriesRefused': 'Neue Einträge in den CRM-Listen darf nur ein CRM-Administrator anlegen lassen.',
  'import.plan.ignored': 'Wird nicht importiert: {columns}',
  'import.plan.newEntry': 'Eintrag wird angelegt: {name}',
  'import.plan.required': 'Pflichtfeld ist leer: {column}',
  'import.plan.tooLong': 'Der Text ist zu lang (höchstens {max} Zeichen).',
  'import.plan.invalidEmail': 'Keine gültige E-Mail-Adresse.',
  'import.plan.invalid': 'Dieser Wert ist hier nicht erlaubt.',
  'import.plan.negative': 'Der Wert darf nicht negativ sein.',
  'import.plan.unknownPartner': 'Unbekannter Geschäftspartner: {name}',
  'import.plan.ambiguousPartner': 'Mehrere Geschäftspartner heißen {name}; bitte die GPID angeben.',
  'import.plan.partnerRequired': 'Ein neues Ticket braucht einen Geschäftspartner.',
  'import.plan.ambiguousMatch': 'Die Zeile passt zu mehreren Datensätzen: {records}',
  'import.plan.sameRecordTwice': 'Auch Zeile {lines} betrifft {record}.',
} as const;

export const en: Messages<typeof de> = {
  // import.parse: reading the file and mapping its headers (lib/import/parse).
  'import.parse.tooLarge': 'The file is {size} MB; files up to {limit} MB can be imported.',
  'import.parse.invalidUtf8': 'The file starts with a UTF-8 mark (BOM) but holds invalid UTF-8 characters.',
  'import.parse.empty': 'The file holds no lines.',
  'import.parse.quotes': 'Quotation marks are not set correctly (e.g. not closed).',
  'import.parse.cellCount': 'The line has {found} cells, the header {expected}.',
  'import.parse.emptyHeader': 'Column {position} has no header.',
  'import.parse.duplicateHeader': 'The header occurs more than once.',
  'import.parse.unknownHeader': 'The header is not mapped to a column.',
  'import.parse.columnTwice': 'This column is already mapped to another header.',
  'import.parse.headerTwice': 'The header occurs more than once in the mapping.',

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

  // ---------------------------------------------------------------- import.plan.* (the dry run, lib/import/plan)
  'import.plan.crmColumns': 'Only users with the CRM role may import CRM columns: {columns}',
  'import.plan.noColumns': 'No column of the file is mapped to a field that can be imported.',
  'import.plan.createEntriesRefused': 'Only a CRM administrator may have new entries of the CRM lists created.',
  'import.plan.ignored': 'Not imported: {columns}',
  'import.plan.newEntry': 'Entry will be created: {name}',
  'import.plan.required': 'Required field is empty: {column}',
  'import.plan.tooLong': 'The text is too long (at most {max} characters).',
  'import.plan.invalidEmail': 'Not a valid e-mail address.',
  'import.plan.invalid': 'This value is not allowed here.',
  'import.plan.negative': 'The value must not be negative.',
  'import.plan.unknownPartner': 'Unknown business partner: {name}',
  'import.plan.ambiguousPartner': 'Several business partners are named {name}; please give the GPID.',
  'import.plan.partnerRequired': 'A new ticket needs a business partner.',
  'import.plan.ambiguousMatch': 'The line matches several records: {records}',
  'import.plan.sameRecordTwice': 'Line {lines} concerns {record} as well.',
};
