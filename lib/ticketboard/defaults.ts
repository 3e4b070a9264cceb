// The four queries every new user's ticket board starts with (SPEC section 6).
export const DEFAULT_QUERIES = [
  { name: 'Offen', params: 'status=open' },
  { name: 'In Bearbeitung', params: 'status=in_progress' },
  { name: 'Geparkt', params: 'status=parked' },
  { name: 'Geschlossen', params: 'status=closed' },
] as const;
