export const API_SCOPES = ["read", "write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** A token row's scopes as the list the API and its pages speak of. */
export function scopesOf(token: { canRead: boolean; canWrite: boolean }): ApiScope[] {
  return [...(token.canRead ? ["read" as const] : []), ...(token.canWrite ? ["write" as const] : [])];
}
