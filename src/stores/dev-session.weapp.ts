// WeChat tells the functions who the caller is; the persona list and its store never ship here.
export function createSession(): null {
  return null
}
