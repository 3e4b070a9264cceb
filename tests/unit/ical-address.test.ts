// The feed's public origin: AUTH_URL when set, else the request's Host and scheme; a Host that is no
// host name falls back to localhost rather than landing in the address.
import { describe, expect, it } from 'vitest';
import { feedAddress, publicOrigin } from '@/lib/crm/followups/feed-address';

const headers = (values: Record<string, string>) => new Headers(values);

describe('the feed address', () => {
  it('takes AUTH_URL’s origin first', () => {
    expect(publicOrigin(headers({ host: 'intern:3000' }), undefined, 'https://crm.example.com/api/auth')).toBe('https://crm.example.com');
  });

  it('otherwise takes the request’s host and scheme', () => {
    expect(publicOrigin(headers({ host: 'crm.local:3000' }), undefined, undefined)).toBe('http://crm.local:3000');
    expect(publicOrigin(headers({ host: 'crm.local', 'x-forwarded-proto': 'https' }), undefined, undefined)).toBe('https://crm.local');
    expect(publicOrigin(headers({ host: 'a', 'x-forwarded-host': 'crm.example.org, proxy' }), undefined, undefined)).toBe(
      'http://crm.example.org',
    );
    expect(publicOrigin(headers({ host: '[::1]:3000' }), undefined, undefined)).toBe('http://[::1]:3000');
  });

  it('refuses a host that would break the address, and uses the request URL without a Host', () => {
    expect(publicOrigin(headers({ host: 'evil.example/x?y' }), undefined, undefined)).toBe('http://localhost');
    expect(publicOrigin(headers({}), 'https://crm.example.net:8443/api/v1/crm/followups.ics', undefined)).toBe(
      'https://crm.example.net:8443',
    );
  });

  it('puts the token into the query', () => {
    expect(feedAddress('https://crm.example.com', 'abc-_9')).toBe('https://crm.example.com/api/v1/crm/followups.ics?token=abc-_9');
  });
});
