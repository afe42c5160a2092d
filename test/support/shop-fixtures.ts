import { toPinyin } from '../../cloudfunctions/_shared/pinyin'
import { searchTermsOf } from '../../src/core/search-terms'

interface TestProduct {
  _id: string
  title: string
  categoryId: string
  onShelf: boolean
  sortOrder: number
  specDimensions: Array<{ name: string; values: string[] }>
  minPriceFen: number
  maxPriceFen: number
}

/**
 * A product as the catalog stores it, with no subtitle, detail or tags; its photo is /assets/<_id>.jpg,
 * and its search terms hold `categoryName`.
 */
export async function addTestProduct(db: any, product: TestProduct, categoryName = ''): Promise<void> {
  await db.collection('products').add({
    data: {
      ...product,
      subtitle: '',
      detail: '',
      images: [`/assets/${product._id}.jpg`],
      tags: [],
      searchTerms: searchTermsOf({ ...product, subtitle: '', tags: [], categoryName }, toPinyin),
      createdAt: new Date(),
    },
  })
}

/** A small catalog for function tests: two products, three SKUs. */
export async function addTestCatalog(db: any, skuStock: Record<string, number> = {}) {
  const products = [
    { _id: 'p-tea', title: '西湖龙井', onShelf: true, categoryId: 'cat-green' },
    { _id: 'p-old', title: '停产老茶', onShelf: false, categoryId: 'cat-green' },
  ]
  for (const p of products) {
    await addTestProduct(db, {
      ...p,
      specDimensions: [{ name: '规格', values: ['100g', '250g'] }],
      sortOrder: 1,
      minPriceFen: 6800,
      maxPriceFen: 15800,
    })
  }
  const skus = [
    { _id: 'tea-100g', productId: 'p-tea', specs: { 规格: '100g' }, priceFen: 6800, stock: skuStock['tea-100g'] ?? 50 },
    { _id: 'tea-250g', productId: 'p-tea', specs: { 规格: '250g' }, priceFen: 15800, stock: skuStock['tea-250g'] ?? 50 },
    { _id: 'old-100g', productId: 'p-old', specs: { 规格: '100g' }, priceFen: 3000, stock: 50 },
  ]
  for (const sku of skus) await db.collection('skus').add({ data: sku })
}

export const TEST_ADDRESS = {
  name: '林小雨',
  phone: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail: '龙井路 1 号',
}

/** HQ's warehouse, where returned goods go (退货地址). */
export const RETURN_ADDRESS = {
  name: '王仓管',
  phone: '13900139000',
  province: '云南省',
  city: '昆明市',
  district: '官渡区',
  detail: '茶城路 8 号云岭茶舍仓库',
}
