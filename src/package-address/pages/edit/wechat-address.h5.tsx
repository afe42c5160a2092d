// The browser has no WeChat address book: the buyer types the address.
export function WechatAddress() {
  return null
}
