import { MAX_PAGE_SIZE } from '../../src/contracts/paging'
import { StorefrontView, catalogContract } from '../../src/contracts/catalog'
import { badgeFor, priceInCampaign } from '../../src/core/campaign'
import { Category, Product, ProductDetail, ProductPage, Sku, Storefront, summarize } from '../../src/core/catalog'
import { fail, ok } from '../../src/core/result'
import { SearchHotWords, cleanHotWords } from '../../src/core/search-hints'
import { readCampaignPrices } from '../_shared/campaign-prices'
import { _, db } from '../_shared/database'
import { defineFunction } from '../_shared/edge'
import { SHIPPING_RULES } from '../_shared/orders/pricing-terms'
import { keywordCondition } from '../_shared/product-search'
import { rulesIn } from '../_shared/versioned-rules'

const products = db.collection<Product>('products')
const HOT_WORDS = 'searchHotWords'
const STOREFRONT = 'storefront'

export const main = defineFunction(catalogContract, {
  getStorefront: {
    access: 'anyone',
    async handle() {
      // The brand and the shipping rule in one read: the app asks once per launch, and every 满¥X包邮 it shows is the rule orders are priced by.
      const { data } = await db
        .collection<{ _id: string }>('settings')
        .where({ _id: _.in([STOREFRONT, SHIPPING_RULES.name]) })
        .get()
      const brand = data.find((d): d is Storefront & { _id: string } => d._id === STOREFRONT)
      if (!brand) return fail('CATALOG_STOREFRONT_NOT_SET')
      const { version: _version, ...shipping } = rulesIn(SHIPPING_RULES, data)
      return ok<StorefrontView>({ name: brand.name, slogan: brand.slogan, logo: brand.logo, shipping })
    },
  },

  getSearchHints: {
    access: 'anyone',
    async handle() {
      const { data } = await db.collection<SearchHotWords>('settings').where({ _id: HOT_WORDS }).get()
      return ok({ hotWords: data[0]?.words ?? [] })
    },
  },

  setSearchHotWords: {
    access: 'hq',
    area: 'catalog',
    changes: { collection: 'settings', id: () => HOT_WORDS },
    async handle({ words }, _admin, now) {
      const hotWords = cleanHotWords(words)
      await db.collection('settings').doc(HOT_WORDS).set({ data: { words: hotWords, updatedAt: now } })
      return ok({ hotWords })
    },
  },

  listCategories: {
    access: 'anyone',
    async handle() {
      const { data } = await db.collection<Category>('categories').orderBy('sortOrder', 'asc').limit(MAX_PAGE_SIZE).get()
      return ok({ items: data })
    },
  },

  listProducts: {
    access: 'anyone',
    async handle({ categoryId, keyword, page, pageSize }, _caller, now) {
      const search = keywordCondition(keyword)
      if (!search) return ok<ProductPage>({ items: [], hasMore: false })
      const where: Record<string, unknown> = { onShelf: true, ...search }
      if (categoryId) where.categoryId = categoryId
      // The live campaign prices beside the page, in parallel: one more request, no more waiting.
      const [{ data: rows }, campaignPrices] = await Promise.all([
        products.where(where).field({ searchTerms: false, detail: false }).orderBy('sortOrder', 'asc').skip(page * pageSize).limit(pageSize + 1).get(),
        readCampaignPrices(),
      ])
      const items = rows.slice(0, pageSize).map((product) => {
        const campaign = badgeFor(campaignPrices, product._id, now)
        return campaign ? { ...summarize(product), campaign } : summarize(product)
      })
      return ok<ProductPage>({ items, hasMore: rows.length > pageSize })
    },
  },

  getProduct: {
    access: 'anyone',
    async handle({ productId }, _caller, now) {
      const [{ data }, campaignPrices] = await Promise.all([products.where({ _id: productId }).get(), readCampaignPrices()])
      const product = data[0] as Product | undefined
      if (!product || !product.onShelf) return fail('CATALOG_PRODUCT_NOT_FOUND', { productId })
      const skuRows = (await db.collection<Sku>('skus').where({ productId }).limit(MAX_PAGE_SIZE).get()).data
      const { createdAt: _createdAt, sortOrder: _sortOrder, searchTerms: _searchTerms, ...rest } = product
      const campaign = badgeFor(campaignPrices, productId, now)
      const detail: ProductDetail = {
        ...rest,
        skus: skuRows.map(({ productId: _p, ...sku }) => {
          const campaignPriceFen = campaign ? priceInCampaign(campaignPrices, campaign.campaignId, sku) : undefined
          return campaignPriceFen === undefined ? sku : { ...sku, campaignPriceFen }
        }),
        ...(campaign ? { campaign } : {}),
      }
      return ok(detail)
    },
  },
})
