// Input schemas for user administration, shared by the forms and their actions.
import { z } from 'zod';
import { LOCALES, ROLES } from '@/db/schema';
import { idSchema, versionSchema } from '@/lib/validation';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, { message: 'passwordTooShort' })
  .max(PASSWORD_MAX, { message: 'passwordTooLong' });

const rolesSchema = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.enum(ROLES, { message: 'invalidRole' })),
).transform((roles) => [...new Set(roles)]);

const nameSchema = z.string().trim().min(1, { message: 'required' }).max(200, { message: 'tooLong' });

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, { message: 'tooLong' }).pipe(z.email({ message: 'invalidEmail' })),
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

export const setLocaleSchema = z.object({ locale: z.enum(LOCALES, { message: 'invalidLocale' }) });
