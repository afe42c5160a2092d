// WeChat draws its own sheets (Taro.requestPayment's pay sheet, …) over the page: nothing to mount.
export function PlatformSheets() {
  return null
}
