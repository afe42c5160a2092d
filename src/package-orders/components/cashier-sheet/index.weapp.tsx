// In the mini program WeChat shows its own pay sheet (Taro.requestPayment), so there is nothing to render.
export function CashierSheet() {
  return null
}
