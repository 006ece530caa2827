import argon2 from 'argon2';

// OWASP's argon2id baseline (19 MiB, t=2); test runs use a lighter cost to stay fast.
const options: argon2.HashOptions =
  process.env.NODE_ENV === 'test'
    ? { type: argon2.argon2id, memoryCost: 4096, timeCost: 2, parallelism: 1 }
    : { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => argon2.hash(password, options);

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = () => (dummyHash ??= hashPassword('not-a-real-password-0000'));

export const PASSWORD_RULE = { min: 10, message: 'Passwords need at least 10 characters' };
