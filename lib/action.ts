import 'server-only';
// The one wrapper every server action goes through: authenticate, authorise the role, validate,
// then run the handler; after a success it revalidates what the write changed and, if asked, goes on
// to another page. Answers translated messages and keeps what the user typed.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import type { Locale, Role } from '@/db/schema';
import { getCurrentUser, hasRole, type SessionUser } from '@/lib/auth/guards';
import { translateError, translator, type MessageKey } from '@/lib/i18n';
import type { MutationFailure, MutationResult } from '@/lib/result';
import { fieldErrorsOf, formDataToObject } from '@/lib/validation';

export type ActionState<D = unknown> = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, so a form can show it again after an error. */
  values?: Record<string, string | string[]>;
  /** What the action hands the page besides its messages (`data` option). */
  data?: D;
};

/** A path whose pages show what a write changed; `{ layout }` also every page below it. */
export type Revalidation = string | { layout: string };

/** A handler's answer: its success with data `T`, or a failure (`F` may carry more, e.g. similar names). */
type Answer<T, F extends MutationFailure> = MutationResult<T> | F;

type Handler<S extends z.ZodType, T, F extends MutationFailure> = (
  input: z.infer<S>,
  user: SessionUser,
  /** The posted form itself, for what a schema over text cannot hold (an uploaded file). */
  form: FormData,
) => Answer<T, F> | Promise<Answer<T, F>>;

type ActionOptions<S extends z.ZodType, T, F extends MutationFailure, D> = {
  /** The form's schema, or a maker of it for inputs read in the user's language (amounts). */
  schema: S | ((locale: Locale) => S);
  role?: Role;
  success?: MessageKey | ((input: z.infer<S>) => MessageKey);
  /** What to revalidate after a success. */
  revalidate?: Revalidation | readonly Revalidation[] | ((input: z.infer<S>, data: T) => Revalidation | readonly Revalidation[]);
  /** Where to go after a success (after revalidating); null stays on the page. */
  redirect?: (input: z.infer<S>, data: T) => string | null;
  /** What of the handler's answer, success or failure, the page receives as `data`. */
  data?: (result: Answer<T, F>) => D | undefined;
};

/** Fields never echoed back to the page. */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'passwordRepeat']);

function echo(values: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)));
}

function revalidateAll(revalidations: Revalidation | readonly Revalidation[]): void {
  for (const item of [revalidations].flat()) {
    if (typeof item === 'string') revalidatePath(item);
    else revalidatePath(item.layout, 'layout');
  }
}

/** The signed-in user holding `role` (if any), or the translated refusal. */
async function authenticate(role: Role | undefined): Promise<{ user: SessionUser; error?: never } | { user?: never; error: string }> {
  const user = await getCurrentUser();
  if (!user) return { error: translator('de')('error.unauthenticated') };
  if (role && !hasRole(user, role)) return { error: translator(user.locale)('error.forbidden') };
  return { user };
}

export function defineAction<S extends z.ZodType, T, F extends MutationFailure = MutationFailure, D = never>(
  options: ActionOptions<S, T, F, D>,
  handler: Handler<S, T, F>,
): (previous: ActionState, formData: FormData) => Promise<ActionState<D>> {
  return async (previous, formData) => {
    // A plain form post without React's action state passes the form as the only argument.
    const form = formData instanceof FormData ? formData : previous instanceof FormData ? previous : new FormData();
    const { user, error } = await authenticate(options.role);
    if (!user) return { ok: false, error };
    const t = translator(user.locale);

    const values = formDataToObject(form);
    const schema = typeof options.schema === 'function' ? options.schema(user.locale) : options.schema;
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(
        Object.entries(fieldErrorsOf(parsed.error)).map(([field, code]) => [field, translateError(t, code)]),
      );
      return { ok: false, error: t('error.form'), fieldErrors, values: echo(values) };
    }

    const result = await handler(parsed.data, user, form);
    const data = options.data?.(result);
    const extra = data === undefined ? {} : { data };
    if (!result.ok) {
      const fieldErrors = result.fieldErrors
        ? Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, translateError(t, code)]))
        : undefined;
      const error = result.changedBy
        ? t('error.staleVersionBy', { name: result.changedBy })
        : translateError(t, result.error, result.params);
      return { ok: false, error, fieldErrors, values: echo(values), ...extra };
    }
    if (options.revalidate) {
      revalidateAll(typeof options.revalidate === 'function' ? options.revalidate(parsed.data, result.data) : options.revalidate);
    }
    const target = options.redirect?.(parsed.data, result.data);
    // redirect() throws, ending the action as Next.js expects.
    if (target) redirect(target);
    const success = typeof options.success === 'function' ? options.success(parsed.data) : options.success;
    return { ok: true, message: t(success ?? 'common.saved'), ...extra };
  };
}

/**
 * The variant for calls from JavaScript that read (a picker's search, an opened dashboard group):
 * the same authenticate → validate → run, over the call's arguments, answering data. A refusal
 * answers `refused(message)`; arguments the schema rejects answer `refused` with `invalid`.
 */
export function defineReadAction<S extends z.ZodType, T>(
  options: { args: S; role?: Role; invalid?: MessageKey; refused: (message: string) => T },
  handler: (input: z.infer<S>, user: SessionUser) => T | Promise<T>,
): (...args: unknown[]) => Promise<T> {
  return async (...args) => {
    const { user, error } = await authenticate(options.role);
    if (!user) return options.refused(error);
    const parsed = options.args.safeParse(args);
    if (!parsed.success) return options.refused(translator(user.locale)(options.invalid ?? 'error.form'));
    return handler(parsed.data, user);
  };
}
