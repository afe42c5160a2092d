import { priceRangeOf, searchTermsOf } from '../src/core/catalog'
import { demoBrand, demoCategories, demoProducts } from '../demo/catalog'
import { demoPersonas, demoRoster } from '../demo/personas'

/**
 * Loads the demo brand into an empty shop through wx-server-sdk, as an operator's import would.
 * Returns false (and writes nothing) when the shop already has products: data is never overwritten.
 */
export async function seedDemo(db: any, now = new Date()): Promise<boolean> {
  if ((await db.collection('products').count()).total > 0) return false
  await db.collection('settings').add({ data: { _id: 'storefront', ...demoBrand } })
  for (const category of demoCategories) await db.collection('categories').add({ data: category })
  for (const { skus, ...product } of demoProducts) {
    await db.collection('products').add({
      data: { ...product, ...priceRangeOf(skus), searchTerms: searchTermsOf(product), createdAt: now },
    })
    for (const sku of skus) await db.collection('skus').add({ data: { ...sku, productId: product._id } })
  }
  for (const persona of demoPersonas) {
    await db.collection('users').add({
      data: {
        openid: persona.openid,
        nickname: persona.name,
        role: persona.role,
        ...(persona.employeeNo ? { employeeNo: persona.employeeNo } : {}),
        createdAt: now,
      },
    })
  }
  for (const employee of demoRoster) await db.collection('roster').add({ data: { ...employee, importedAt: now } })
  return true
}
