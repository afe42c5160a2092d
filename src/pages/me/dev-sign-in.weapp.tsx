// WeChat has no development sign-in: the caller is the WeChat user who opened the mini program.
// Taro picks this file for weapp builds, so the persona list and its styles never ship there.
export function DevSignIn() {
  return null
}
