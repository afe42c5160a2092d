import type { Locator } from 'playwright-core'

/**
 * Fills the address form (收货人, 手机号, 省, 市, 区, then 详细地址) as 林小雨 in 杭州, the buyer of
 * every journey; saving is the caller's, so a screenshot can show the form filled.
 */
export async function fillAddressForm(form: Locator): Promise<void> {
  const inputs = form.locator('input')
  await inputs.nth(0).fill('林小雨')
  await inputs.nth(1).fill('13812345678')
  await inputs.nth(2).fill('浙江省')
  await inputs.nth(3).fill('杭州市')
  await inputs.nth(4).fill('西湖区')
  await form.locator('textarea').fill('龙井路 18 号')
}
