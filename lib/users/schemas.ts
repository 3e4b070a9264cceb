// Input schemas for user administration, shared by the forms and their actions.
import { z } from 'zod';
import { LOCALES, ROLES } from '@/db/schema';
import { withImpliedRoles } from '@/lib/auth/access';
import { isCommonPassword, PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/password-policy';
import { idSchema, versionSchema } from '@/lib/validation';

/** A new password: the policy of lib/auth/password-policy.ts. */
const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { message: 'passwordTooShort' })
  .max(PASSWORD_MAX, { message: 'passwordTooLong' })
  // Only within the bounds, so a password too short or too long gets that one message.
  .refine((password) => password.length < PASSWORD_MIN || password.length > PASSWORD_MAX || !isCommonPassword(password), {
    message: 'passwordCommon',
  });

const rolesSchema = z
  .preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.enum(ROLES, { message: 'invalidRole' })),
  )
  .transform(withImpliedRoles);

const nameSchema = z.string().trim().min(1, { message: 'required' }).max(200, { message: 'tooLong' });

export const createUserSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { message: 'tooLong' })
    .pipe(z.email({ message: 'invalidEmail' })),
  name: nameSchema,
  password: passwordSchema,
  roles: rolesSchema,
  locale: z.enum(LOCALES, { message: 'invalidLocale' }).default('de'),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id: idSchema,
  version: versionSchema,
  name: nameSchema,
  roles: rolesSchema,
  locale: z.enum(LOCALES, { message: 'invalidLocale' }),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({
  id: idSchema,
  version: versionSchema,
  active: z.enum(['true', 'false'], { message: 'invalid' }).transform((value) => value === 'true'),
});

export const setUserPasswordSchema = z.object({ id: idSchema, version: versionSchema, password: passwordSchema });

/** The own password change: the current password, and the new one twice. */
export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { message: 'required' }).max(PASSWORD_MAX, { message: 'passwordTooLong' }),
    password: passwordSchema,
    passwordRepeat: z.string().max(PASSWORD_MAX, { message: 'passwordTooLong' }),
  })
  .refine((input) => input.password === input.passwordRepeat, { message: 'passwordMismatch', path: ['passwordRepeat'] });
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

export const setLocaleSchema = z.object({ locale: z.enum(LOCALES, { message: 'invalidLocale' }) });
