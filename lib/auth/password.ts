import bcrypt from "bcryptjs";
import { env } from "../env";

/** Hashes a password with the configured bcrypt cost (≥ 10). */
export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, env().BCRYPT_COST);
}

// Compared against when the email is unknown, so a miss costs as much time as a wrong password.
const DUMMY_HASH = "$2b$10$9nD.wIzVRvFvTcxUL4WFvO5zMzFEdzeyPmyE2cCTZXV0FPqOkHQxm";

/** Checks a password; `hash` null (unknown user) still spends the time of a real comparison. */
export async function verifyPassword(plain: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(plain, hash ?? DUMMY_HASH);
  return ok && !!hash;
}
