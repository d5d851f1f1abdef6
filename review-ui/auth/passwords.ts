import argon2 from "argon2";

/** Long enough to resist guessing without a composition rule people work around. */
export const MIN_PASSWORD_LENGTH = 10;

/** argon2id with the library's defaults (OWASP's recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}

/**
 * Verified against when the login is unknown, so that a wrong login takes as long as a wrong
 * password and the timing does not tell which logins exist.
 */
let decoyHash: Promise<string> | null = null;
export function verifyAgainstDecoy(password: string): Promise<boolean> {
  decoyHash ??= hashPassword("kamiroku decoy password");
  return decoyHash.then((hash) => verifyPassword(hash, password)).then(() => false);
}

/** A reason in Japanese when the password is too weak, else null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `パスワードは ${MIN_PASSWORD_LENGTH} 文字以上にしてください`;
  }
  return null;
}
