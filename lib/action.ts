import 'server-only';
// The one wrapper every server action goes through: authenticate, authorise the role, validate,
// then run the handler; answers translated messages and keeps what the user typed.
import type { z } from 'zod';
import type { Locale, Role } from '@/db/schema';
import { getCurrentUser, hasRole, type SessionUser } from '@/lib/auth/guards';
import { translateError, translator, type MessageKey } from '@/lib/i18n';
import type { MutationResult } from '@/lib/result';
import { fieldErrorsOf, formDataToObject } from '@/lib/validation';

export type ActionState = {
  ok?: boolean;
  message?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  /** What was submitted, so a form can show it again after an error. */
  values?: Record<string, string | string[]>;
};

type Handler<S extends z.ZodType> = (
  input: z.infer<S>,
  user: SessionUser,
) => MutationResult<unknown> | Promise<MutationResult<unknown>>;

/** Fields never echoed back to the page. */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'passwordRepeat']);

function echo(values: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)));
}

export function defineAction<S extends z.ZodType>(
  options: {
    /** The form's schema, or a maker of it for inputs read in the user's language (amounts). */
    schema: S | ((locale: Locale) => S);
    role?: Role;
    success?: MessageKey | ((input: z.infer<S>) => MessageKey);
  },
  handler: Handler<S>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (previous, formData) => {
    // A plain form post without React's action state passes the form as the only argument.
    const form = formData instanceof FormData ? formData : previous instanceof FormData ? previous : new FormData();
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: translator('de')('error.unauthenticated') };
    const t = translator(user.locale);
    if (options.role && !hasRole(user, options.role)) return { ok: false, error: t('error.forbidden') };

    const values = formDataToObject(form);
    const schema = typeof options.schema === 'function' ? options.schema(user.locale) : options.schema;
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors = Object.fromEntries(
        Object.entries(fieldErrorsOf(parsed.error)).map(([field, code]) => [field, translateError(t, code)]),
      );
      return { ok: false, error: t('error.form'), fieldErrors, values: echo(values) };
    }

    const result = await handler(parsed.data, user);
    if (!result.ok) {
      const fieldErrors = result.fieldErrors
        ? Object.fromEntries(Object.entries(result.fieldErrors).map(([field, code]) => [field, translateError(t, code)]))
        : undefined;
      const error = result.changedBy
        ? t('error.staleVersionBy', { name: result.changedBy })
        : translateError(t, result.error, result.params);
      return { ok: false, error, fieldErrors, values: echo(values) };
    }
    const success = typeof options.success === 'function' ? options.success(parsed.data) : options.success;
    return { ok: true, message: t(success ?? 'common.saved') };
  };
}
