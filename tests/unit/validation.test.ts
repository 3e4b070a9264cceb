import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf, formDataToObject, idSchema } from '@/lib/validation';
import { navItemsFor } from '@/components/shell/navigation';

describe('formDataToObject', () => {
  it('keeps single values, collects repeated keys and drops Next.js action fields', () => {
    const form = new FormData();
    form.append('name', 'Müller & Söhne');
    form.append('roles', 'crm');
    form.append('roles', 'admin');
    form.append('$ACTION_ID_abc', '');
    expect(formDataToObject(form)).toEqual({ name: 'Müller & Söhne', roles: ['crm', 'admin'] });
  });
});

describe('fieldErrorsOf', () => {
  it('keeps the first message per field', () => {
    const schema = z.object({
      a: z.string().min(2, { message: 'first' }).regex(/x/, { message: 'second' }),
      b: z.number({ message: 'num' }),
    });
    const parsed = schema.safeParse({ a: 'y', b: 'no' });
    expect(fieldErrorsOf(parsed.error!)).toEqual({ a: 'first', b: 'num' });
  });
});

describe('idSchema', () => {
  it('accepts positive safe integers only', () => {
    expect(idSchema.parse('42')).toBe(42);
    for (const bad of ['-1', '0', '1.5', 'abc', '', String(2 ** 53), 'NaN']) expect(idSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('navItemsFor', () => {
  it('shows CRM only to crm users and user administration only to admins', () => {
    const hrefs = (roles: Parameters<typeof navItemsFor>[0]) => navItemsFor(roles).map((item) => item.href);
    expect(hrefs([])).toEqual(['/ticketboard', '/tickets', '/partners', '/contacts', '/data-manager']);
    expect(hrefs(['crm'])).toContain('/crm');
    expect(hrefs(['crm'])).not.toContain('/admin/users');
    expect(hrefs(['admin'])).toContain('/admin/users');
    expect(hrefs(['admin'])).not.toContain('/crm');
    expect(hrefs(['crm'])).not.toContain('/admin/crm');
    expect(hrefs(['crm_admin'])).toContain('/admin/crm');
  });
});
