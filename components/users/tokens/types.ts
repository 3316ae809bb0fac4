import type { ApiTokenView } from "@/lib/auth/tokens";
import type { Jsonify } from "@/types/json";

/** A token as GET /api/tokens lists it. */
export type TokenItem = Jsonify<ApiTokenView>;
/** The answer of POST /api/tokens: the token itself, this once. */
export type CreatedToken = TokenItem & { token: string };
