// The partner of /partners/[id] and its CRM tab: one read per request for the title and the page.
import { cache } from 'react';
import { getDb } from '@/db/client';
import { findPartner } from '@/lib/partners/queries';
import { idSchema } from '@/lib/validation';

export const loadPartner = cache((rawId: string) => {
  const id = idSchema.safeParse(rawId);
  return id.success ? findPartner(getDb(), id.data) : null;
});
