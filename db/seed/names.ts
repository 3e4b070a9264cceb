// German word lists for the seeds, and the small builders that turn them into companies, people and tickets.
import type { Random } from './random';

export const SURNAMES = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Bauer',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Schmitz',
  'Krause',
  'Meier',
  'Lehmann',
  'Schmid',
  'Schulze',
  'Maier',
  'Köhler',
  'Herrmann',
  'König',
  'Walter',
  'Mayer',
  'Huber',
  'Kaiser',
  'Fuchs',
  'Peters',
  'Lang',
  'Scholz',
  'Möller',
  'Weiß',
  'Jung',
  'Hahn',
  'Schubert',
  'Vogel',
  'Friedrich',
  'Keller',
  'Günther',
  'Frank',
  'Berger',
  'Winkler',
  'Roth',
  'Beck',
  'Lorenz',
  'Baumann',
  'Franke',
  'Albrecht',
  'Schuster',
  'Simon',
  'Ludwig',
  'Böhm',
  'Winter',
  'Kraus',
  'Martin',
];

export const FEMALE_FIRST_NAMES = [
  'Anna',
  'Julia',
  'Katrin',
  'Sabine',
  'Claudia',
  'Stefanie',
  'Nicole',
  'Andrea',
  'Petra',
  'Monika',
  'Sandra',
  'Melanie',
  'Birgit',
  'Susanne',
  'Christina',
  'Laura',
  'Lena',
  'Sarah',
  'Miriam',
  'Jana',
  'Franziska',
  'Heike',
  'Martina',
  'Ulrike',
  'Kerstin',
  'Tanja',
  'Daniela',
  'Nina',
  'Carolin',
  'Sophie',
];

export const MALE_FIRST_NAMES = [
  'Thomas',
  'Michael',
  'Andreas',
  'Stefan',
  'Christian',
  'Markus',
  'Frank',
  'Jürgen',
  'Peter',
  'Klaus',
  'Martin',
  'Matthias',
  'Alexander',
  'Tobias',
  'Jan',
  'Sebastian',
  'Daniel',
  'Florian',
  'Uwe',
  'Wolfgang',
  'Bernd',
  'Holger',
  'Ralf',
  'Dirk',
  'Jens',
  'Lukas',
  'Felix',
  'Philipp',
  'Oliver',
  'Torsten',
];

/** Real cities with a postcode of the city centre and the dialling code. */
export const CITIES = [
  { city: 'Berlin', postcode: '10115', areaCode: '030' },
  { city: 'Hamburg', postcode: '20095', areaCode: '040' },
  { city: 'München', postcode: '80331', areaCode: '089' },
  { city: 'Köln', postcode: '50667', areaCode: '0221' },
  { city: 'Frankfurt am Main', postcode: '60311', areaCode: '069' },
  { city: 'Stuttgart', postcode: '70173', areaCode: '0711' },
  { city: 'Düsseldorf', postcode: '40213', areaCode: '0211' },
  { city: 'Leipzig', postcode: '04109', areaCode: '0341' },
  { city: 'Dortmund', postcode: '44135', areaCode: '0231' },
  { city: 'Essen', postcode: '45127', areaCode: '0201' },
  { city: 'Bremen', postcode: '28195', areaCode: '0421' },
  { city: 'Dresden', postcode: '01067', areaCode: '0351' },
  { city: 'Hannover', postcode: '30159', areaCode: '0511' },
  { city: 'Nürnberg', postcode: '90402', areaCode: '0911' },
  { city: 'Bielefeld', postcode: '33602', areaCode: '0521' },
  { city: 'Bonn', postcode: '53111', areaCode: '0228' },
  { city: 'Münster', postcode: '48143', areaCode: '0251' },
  { city: 'Mannheim', postcode: '68159', areaCode: '0621' },
  { city: 'Karlsruhe', postcode: '76133', areaCode: '0721' },
  { city: 'Augsburg', postcode: '86150', areaCode: '0821' },
  { city: 'Wiesbaden', postcode: '65183', areaCode: '0611' },
  { city: 'Kiel', postcode: '24103', areaCode: '0431' },
  { city: 'Freiburg im Breisgau', postcode: '79098', areaCode: '0761' },
  { city: 'Regensburg', postcode: '93047', areaCode: '0941' },
  { city: 'Ulm', postcode: '89073', areaCode: '0731' },
  { city: 'Kassel', postcode: '34117', areaCode: '0561' },
  { city: 'Rostock', postcode: '18055', areaCode: '0381' },
  { city: 'Erfurt', postcode: '99084', areaCode: '0361' },
  { city: 'Mainz', postcode: '55116', areaCode: '06131' },
  { city: 'Magdeburg', postcode: '39104', areaCode: '0391' },
  { city: 'Potsdam', postcode: '14467', areaCode: '0331' },
  { city: 'Osnabrück', postcode: '49074', areaCode: '0541' },
  { city: 'Würzburg', postcode: '97070', areaCode: '0931' },
  { city: 'Heidelberg', postcode: '69117', areaCode: '06221' },
  { city: 'Göttingen', postcode: '37073', areaCode: '0551' },
] as const;

const STREETS = [
  'Hauptstraße',
  'Bahnhofstraße',
  'Industriestraße',
  'Gewerbering',
  'Am Markt',
  'Schillerstraße',
  'Goethestraße',
  'Lindenallee',
  'Gartenstraße',
  'Friedrichstraße',
  'Kaiserstraße',
  'Mühlenweg',
  'Ringstraße',
  'Im Technologiepark',
  'Hafenstraße',
  'Bismarckstraße',
  'Robert-Bosch-Straße',
  'Carl-Zeiss-Straße',
  'Wilhelmstraße',
  'Am Hochufer',
  'Siemensstraße',
  'Rheinallee',
];

const LEGAL_FORMS = ['GmbH', 'GmbH', 'GmbH', 'AG', 'KG', 'GmbH & Co. KG', 'GmbH & Co. KG', 'e.K.', 'OHG'];

const PLACE_WORDS = ['Nord', 'Süd', 'Rhein', 'Elbe', 'Weser', 'Hanse', 'Alpen', 'Main', 'Spree', 'Saale', 'Donau', 'Ruhr'];

/** Words that make a company name fit its Unternehmensgruppe (keys are the seeded company groups). */
const INDUSTRY_WORDS: Record<string, string[]> = {
  Maschinenbau: ['Maschinenbau', 'Anlagenbau', 'Präzisionstechnik', 'Antriebstechnik'],
  Handel: ['Handel', 'Großhandel', 'Handelshaus', 'Bürobedarf'],
  'IT-Dienstleistungen': ['IT-Service', 'Systemhaus', 'Software', 'Datentechnik'],
  Gesundheitswesen: ['Medizintechnik', 'Pflegedienste', 'Praxisbedarf', 'Klinikservice'],
  Logistik: ['Logistik', 'Spedition', 'Transporte', 'Lagertechnik'],
  Bauwesen: ['Bau', 'Hochbau', 'Haustechnik', 'Bauelemente'],
  Energieversorgung: ['Energietechnik', 'Solartechnik', 'Energie', 'Netzservice'],
  Finanzdienstleistungen: ['Finanzberatung', 'Versicherungsmakler', 'Vermögensverwaltung', 'Leasing'],
};
const PUBLIC_BODIES = ['Stadtverwaltung', 'Landratsamt', 'Stadtwerke', 'Zweckverband Wasser', 'Kreisverwaltung'];

/** [male, female] forms. */
const POSITIONS: [string, string][] = [
  ['Geschäftsführer', 'Geschäftsführerin'],
  ['IT-Leiter', 'IT-Leiterin'],
  ['Einkaufsleiter', 'Einkaufsleiterin'],
  ['Vertriebsleiter', 'Vertriebsleiterin'],
  ['Projektleiter', 'Projektleiterin'],
  ['Systemadministrator', 'Systemadministratorin'],
  ['Teamleiter Kundenservice', 'Teamleiterin Kundenservice'],
  ['Leiter Buchhaltung', 'Leiterin Buchhaltung'],
  ['Prokurist', 'Prokuristin'],
  ['Sachbearbeiter', 'Sachbearbeiterin'],
];

const SERVICE_TICKETS = [
  [
    'VPN-Verbindung bricht regelmäßig ab',
    'Seit dem letzten Update trennt sich die VPN-Verbindung nach etwa 20 Minuten. Betroffen sind alle Außendienstmitarbeiter.',
  ],
  ['Passwort zurücksetzen', 'Die Kollegin hat sich nach dem Urlaub ausgesperrt und bittet um ein neues Initialpasswort.'],
  ['Fehlermeldung beim Export nach Excel', 'Beim Export der Monatsliste erscheint „Datei beschädigt“. Screenshot liegt vor.'],
  ['Ticketsystem morgens sehr langsam', 'Zwischen 8 und 9 Uhr dauert das Öffnen eines Tickets über 10 Sekunden.'],
  ['Neue Benutzer anlegen', 'Bitte drei neue Benutzer für die Abteilung Einkauf anlegen, Liste folgt per E-Mail.'],
  ['E-Mail-Benachrichtigungen kommen nicht an', 'Benachrichtigungen bei neuen Tickets landen seit Montag nicht mehr im Postfach.'],
  ['Schnittstelle zu SAP meldet Timeout', 'Der nächtliche Abgleich bricht mit Zeitüberschreitung ab, Protokoll anbei.'],
  ['Lizenzschlüssel abgelaufen', 'Beim Anmelden erscheint der Hinweis, dass die Lizenz abgelaufen ist.'],
  ['Berechtigungen für Abteilung Vertrieb anpassen', 'Der Vertrieb soll die Tickets der Hotline lesen, aber nicht bearbeiten dürfen.'],
  ['Drucker im Lager druckt keine Etiketten', 'Der Etikettendrucker am Wareneingang reagiert nicht auf Druckaufträge aus dem System.'],
  ['Update auf Version 4.2 planen', 'Der Kunde möchte das Update außerhalb der Geschäftszeiten einspielen lassen.'],
  ['Anhänge lassen sich nicht öffnen', 'PDF-Anhänge in Tickets werden als leere Datei heruntergeladen.'],
  ['Datensicherung schlägt fehl', 'Die nächtliche Sicherung meldet seit zwei Tagen einen Fehler beim Schreiben.'],
  ['Rückfrage zur Rechnung', 'Auf der letzten Rechnung ist die Schulung doppelt berechnet worden.'],
  ['Zwei-Faktor-Anmeldung einrichten', 'Die IT-Leitung möchte für alle Administratoren eine Zwei-Faktor-Anmeldung.'],
  ['Suchfunktion findet alte Tickets nicht', 'Tickets aus dem Vorjahr werden bei der Volltextsuche nicht gefunden.'],
  ['Mobile Ansicht fehlerhaft', 'Auf dem Tablet überlappen sich die Schaltflächen im Ticketformular.'],
  ['Import der Kontaktdaten', 'Bitte die beigefügte CSV-Datei mit rund 300 Kontakten importieren.'],
];

const SALES_TICKETS = [
  [
    'Angebot Ticketsystem Enterprise',
    'Der Kunde plant die Einführung im nächsten Quartal und bittet um ein Angebot inklusive Einrichtung.',
  ],
  ['Anfrage Wartungsvertrag', 'Interesse an einem Wartungsvertrag mit garantierter Reaktionszeit von vier Stunden.'],
  ['Rückfrage zum Lizenzmodell', 'Unterschied zwischen benannten und gleichzeitigen Benutzern erklären, Preisliste senden.'],
  ['Interesse am CRM-Modul', 'Nach der Präsentation auf der Messe möchte der Kunde das CRM-Modul testen.'],
  ['Schulung für neue Mitarbeiter', 'Zweitägige Schulung vor Ort für etwa zehn Teilnehmende angefragt.'],
  ['Hosting-Angebot erstellen', 'Der Kunde möchte den Betrieb auslagern; Angebot für Hosting in deutschem Rechenzentrum.'],
  ['Erweiterung um weitere Lizenzen', 'Wegen eines neuen Standorts werden zusätzliche Lizenzen benötigt.'],
  ['Präsentation beim Kunden vor Ort', 'Termin mit Geschäftsführung und IT-Leitung vereinbaren, Demo vorbereiten.'],
  ['Verlängerung des Wartungsvertrags', 'Der bestehende Vertrag läuft zum Jahresende aus, Konditionen für drei Jahre anbieten.'],
  ['Migration in die Cloud besprechen', 'Bestandskunde überlegt den Umstieg auf die Cloud-Version, Aufwand abschätzen.'],
  ['Testzugang einrichten', 'Für eine vierwöchige Testphase einen Zugang mit Beispieldaten bereitstellen.'],
  ['Ausschreibung Servicemanagement', 'Öffentliche Ausschreibung, Unterlagen bis Monatsende einreichen.'],
  ['Upgrade von Standard auf Enterprise', 'Der Kunde braucht Mandantenfähigkeit und fragt nach den Upgrade-Kosten.'],
  ['Schnittstellenpaket für ERP', 'Anbindung an das vorhandene ERP-System gewünscht, technische Klärung nötig.'],
];

const PARTNER_COMMENTS = [
  'Jahresgespräch im Herbst vereinbaren.',
  'Ansprechpartner wechselt zum Quartalsende.',
  'Zahlt zuverlässig, Rahmenvertrag läuft bis 2027.',
  'Möchte nur per E-Mail kontaktiert werden.',
  'Interesse an Referenzbesuch geäußert.',
  'Budgetfreigabe erst im neuen Geschäftsjahr.',
];

/** Lower-case ASCII for e-mail addresses and domains. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export type CompanyFields = {
  name: string;
  searchName: string;
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  website: string;
};

/** A company name that fits its industry, with a matching address, phone and web presence. */
export function makeCompany(random: Random, industry: string | null): CompanyFields {
  const place = random.pick(CITIES);
  let name: string;
  let searchName: string;
  if (industry === 'Öffentliche Verwaltung') {
    const body = random.pick(PUBLIC_BODIES);
    name = `${body} ${place.city}`;
    searchName = place.city.split(' ')[0].toUpperCase();
  } else {
    const word = random.pick(INDUSTRY_WORDS[industry ?? ''] ?? ['Service', 'Technik', 'Beratung', 'Vertrieb']);
    const family = random.chance(0.7);
    const owner = family ? random.pick(SURNAMES) : random.pick(PLACE_WORDS);
    const style = random.int(0, 2);
    const core = style === 0 ? `${owner} ${word}` : style === 1 && family ? `${owner} & ${random.pick(SURNAMES)}` : `${word} ${owner}`;
    name = `${core} ${random.pick(LEGAL_FORMS)}`;
    searchName = owner.toUpperCase();
  }
  const domain = slug(name.replace(/ (GmbH & Co\. KG|GmbH|AG|KG|e\.K\.|OHG)$/, ''));
  return {
    name,
    searchName,
    street: `${random.pick(STREETS)} ${random.int(1, 120)}`,
    postcode: place.postcode,
    city: place.city,
    phone: `${place.areaCode} ${random.int(200_000, 9_899_999)}`,
    email: `${random.pick(['info', 'kontakt', 'service', 'office'])}@${domain}.de`,
    website: `https://www.${domain}.de`,
  };
}

export type PersonFields = { salutation: string; firstName: string; lastName: string; position: string; email: string; phone: string };

/** A contact person; with a company domain, the e-mail address is at that company. */
export function makePerson(random: Random, company: { website: string; phone: string } | null): PersonFields {
  const female = random.chance(0.5);
  const firstName = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = random.pick(SURNAMES);
  const domain = company ? company.website.replace('https://www.', '') : random.pick(['web.de', 'gmx.de', 't-online.de', 'posteo.de']);
  const phone = company
    ? `${company.phone.split(' ')[0]} ${random.int(200_000, 9_899_999)}-${random.int(10, 99)}`
    : `0${random.pick(['151', '160', '171', '176'])} ${random.int(1_000_000, 99_999_999)}`;
  return {
    salutation: female ? 'Frau' : 'Herr',
    firstName,
    lastName,
    position: company ? random.pick(POSITIONS)[female ? 1 : 0] : '',
    email: `${slug(firstName)}.${slug(lastName)}@${domain}`,
    phone,
  };
}

/** A ticket title and description: sales topics for CRM tickets, mostly service topics otherwise. */
export function makeTicketText(random: Random, sales: boolean): { title: string; description: string } {
  const [title, description] = random.pick(sales ? SALES_TICKETS : SERVICE_TICKETS);
  return { title, description };
}

export function makePartnerComment(random: Random): string {
  return random.pick(PARTNER_COMMENTS);
}
