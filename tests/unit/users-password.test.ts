import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src-main/users/password';

describe('password hashing (scrypt)', () => {
  it('stores the parameters and a fresh salt, and checks the password', () => {
    const a = hashPassword('正确的密码1');
    const b = hashPassword('正确的密码1');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(verifyPassword('正确的密码1', a)).toBe(true);
    expect(verifyPassword('正确的密码2', a)).toBe(false);
  });

  it('checks with the parameters stored beside the hash', () => {
    const stored = hashPassword('pw-12345678').split('$');
    expect(verifyPassword('pw-12345678', stored.join('$'))).toBe(true);
    stored[1] = '16384';
    expect(verifyPassword('pw-12345678', stored.join('$'))).toBe(false);
  });

  it('reads an unknown or damaged stored value as a wrong password', () => {
    expect(verifyPassword('x', '')).toBe(false);
    expect(verifyPassword('x', 'md5$abc')).toBe(false);
    expect(verifyPassword('x', 'scrypt$-1$8$1$AAAA$AAAA')).toBe(false);
  });
});
