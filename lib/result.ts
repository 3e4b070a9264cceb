// The shape every mutation and server action answers with. Messages are i18n keys.
export type MutationFailure = {
  ok: false;
  error: string;
  /** Values for the error message's placeholders (`{name}`). */
  params?: Record<string, string | number>;
  fieldErrors?: Record<string, string>;
  changedBy?: string;
};
export type MutationResult<T = undefined> = { ok: true; data: T } | MutationFailure;
