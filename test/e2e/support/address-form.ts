import type { Locator } from 'playwright-core'

/** Picks 省 → 市 → 区 in the H5 region sheet, one level after another, as a buyer taps them. */
export async function chooseRegion(form: Locator, names: string[]): Promise<void> {
  await form.locator('.address-form__region').click()
  for (const name of names) {
    await form.locator('.region-sheet__option').filter({ hasText: new RegExp(`^${name}$`) }).click()
  }
  await form.locator('.region-sheet').waitFor({ state: 'detached' })
}

/**
 * Fills the address form (收货人, 手机号, 省 / 市 / 区 from the region sheet, then 详细地址) as 林小雨 in
 * 杭州, the buyer of every journey; saving is the caller's, so a screenshot can show the form filled.
 */
export async function fillAddressForm(form: Locator, phone = '13812345678'): Promise<void> {
  const inputs = form.locator('input')
  await inputs.nth(0).fill('林小雨')
  await inputs.nth(1).fill(phone)
  await chooseRegion(form, ['浙江省', '杭州市', '西湖区'])
  await form.locator('textarea').fill('龙井路 18 号')
}
