// Where a CRM status stands in the pipeline (SPEC section 14): a ticket's phase is its status's, `open`
// without one. Framework-free and without the schema, so client components can name them too.
export const PHASES = ['open', 'won', 'lost'] as const;
export type Phase = (typeof PHASES)[number];
