import { hqCatalogContract } from '../../src/contracts/hq-catalog'
import { ok } from '../../src/core/result'
import { defineFunction } from '../_shared/edge'
import { CATEGORIES, createCategory, deleteCategory, listHqCategories, putCategoriesInOrder } from './categories'
import { PRODUCTS, listHqProducts, readHqProduct, renameCategory, saveProduct, setOnShelf } from './products'
import { adjustSkuStock, listLedger } from './stock'

/**
 * HQ's catalog: products with their specs and SKUs, the shelf, stock with its ledger, and categories.
 * All of it is the `catalog` area (运营 and full admins); every call, whatever its fate, is audited.
 * Its own function because `hq` is near its bundle budget.
 */
export const main = defineFunction(
  hqCatalogContract,
  {
    listProducts: { access: 'hq', area: 'catalog', handle: async (query) => ok(await listHqProducts(query)) },
    getProduct: { access: 'hq', area: 'catalog', handle: ({ productId }) => readHqProduct(productId) },
    createProduct: { access: 'hq', area: 'catalog', handle: ({ draft }, admin, now) => saveProduct(null, draft, admin.openid, now) },
    updateProduct: {
      access: 'hq',
      area: 'catalog',
      changes: { collection: PRODUCTS, id: ({ productId }) => productId },
      handle: ({ productId, draft }, admin, now) => saveProduct(productId, draft, admin.openid, now),
    },
    setOnShelf: {
      access: 'hq',
      area: 'catalog',
      changes: { collection: PRODUCTS, id: ({ productId }) => productId },
      handle: ({ productId, onShelf }) => setOnShelf(productId, onShelf),
    },
    adjustStock: {
      access: 'hq',
      area: 'catalog',
      changes: { collection: 'skus', id: ({ skuId }) => skuId },
      handle: ({ skuId, delta, reason, note }, admin, now) => adjustSkuStock(skuId, delta, reason, note, admin.openid, now),
    },
    listStockLedger: { access: 'hq', area: 'catalog', handle: async ({ skuId, page, pageSize }) => ok(await listLedger(skuId, page, pageSize)) },
    listCategories: { access: 'hq', area: 'catalog', handle: async () => ok(await listHqCategories()) },
    createCategory: { access: 'hq', area: 'catalog', handle: ({ name }) => createCategory(name) },
    renameCategory: {
      access: 'hq',
      area: 'catalog',
      changes: { collection: CATEGORIES, id: ({ categoryId }) => categoryId },
      handle: ({ categoryId, name }) => renameCategory(categoryId, name),
    },
    reorderCategories: { access: 'hq', area: 'catalog', handle: ({ categoryIds }) => putCategoriesInOrder(categoryIds) },
    deleteCategory: {
      access: 'hq',
      area: 'catalog',
      changes: { collection: CATEGORIES, id: ({ categoryId }) => categoryId },
      handle: ({ categoryId }) => deleteCategory(categoryId),
    },
  },
  { auditEveryCall: true },
)
