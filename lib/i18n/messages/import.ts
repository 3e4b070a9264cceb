// The CSV import (/data-manager/import, SPEC section 18): reading the file, its values, the dry run.
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
};

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
};
