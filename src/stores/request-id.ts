/** Unique enough per caller: the server keys it with the caller's OPENID. */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
