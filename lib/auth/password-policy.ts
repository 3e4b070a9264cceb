// The rule for every password set through the product (user administration, the own password
// change, CRM_ADMIN_PASSWORD): 10 to 128 characters and none of the commonly used passwords.
// The list is zxcvbn-ts's (about 49,000 passwords from public breach corpora), kept up by its package.
// The demo users' `demo1234` is seeded directly and stays below this rule: demo data is for trying only.
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon';

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));
  return common;
}

/** True for a listed password (ignoring case and spaces) and for one of at most two distinct characters. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (new Set(lower).size <= 2) return true;
  return commonPasswords().has(lower) || commonPasswords().has(lower.replace(/\s+/g, ''));
}

/** What is wrong with a new password, or null. */
export function passwordProblem(password: string): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return 'passwordTooShort';
  if (password.length > PASSWORD_MAX) return 'passwordTooLong';
  return isCommonPassword(password) ? 'passwordCommon' : null;
}
