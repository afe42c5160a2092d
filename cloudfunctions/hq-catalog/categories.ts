import { randomBytes } from 'node:crypto'
import type { HqCategory } from '../../src/contracts/hq-catalog'
import type { Category } from '../../src/core/catalog'
import { nextSortOrder, reorderCategories } from '../../src/core/product-editing'
import { Result, fail, ok } from '../../src/core/result'
import { _, db, inTransaction } from '../_shared/database'

export const CATEGORIES = 'categories'
const categories = db.collection<Category>(CATEGORIES)
/** A shop has a handful of categories; 100 is the most one list call reads. */
const MAX_CATEGORIES = 100

const inOrder = async () => (await categories.orderBy('sortOrder', 'asc').limit(MAX_CATEGORIES).get()).data

/** How many products, on the shelf or not, a category holds (the categoryId_sortOrder index counts them). */
const productsIn = async (categoryId: string) => (await db.collection('products').where({ categoryId, onShelf: _.in([true, false]) }).count()).total

export async function listHqCategories(): Promise<HqCategory[]> {
  const list = await inOrder()
  const counts = await Promise.all(list.map((c) => productsIn(c._id)))
  return list.map((c, i) => ({ ...c, products: counts[i] }))
}

/** A new category goes last; its icon is HQ's to add later (the shop shows the name alone until then). */
export async function createCategory(name: string): Promise<Result<Category>> {
  const list = await inOrder()
  const category = { name, icon: '', sortOrder: nextSortOrder(list.at(-1)?.sortOrder) }
  const _id = `cat-${randomBytes(4).toString('hex')}`
  await categories.doc(_id).set({ data: category })
  return ok({ _id, ...category })
}

/** Every position in one transaction: the shop never shows half of a new order. */
export async function putCategoriesInOrder(order: string[]): Promise<Result<Category[]>> {
  const list = await inOrder()
  const positions = reorderCategories(list, order)
  if (!positions.ok) return positions
  const done = await inTransaction(async (tx) => {
    for (const { _id, sortOrder } of positions.data) await tx.collection<Category>(CATEGORIES).doc(_id).update({ data: { sortOrder } })
    return ok(undefined)
  })
  return done.ok ? ok(await inOrder()) : done
}

/**
 * Deletes a category that holds no product. Products are moved out of it by editing them, so a
 * product never points at a category that is gone.
 */
export async function deleteCategory(categoryId: string): Promise<Result<{ deleted: string }>> {
  const { data } = await categories.doc(categoryId).get()
  if (!data) return fail('CATALOG_CATEGORY_NOT_FOUND', { categoryId })
  const products = await productsIn(categoryId)
  if (products > 0) return fail('CATALOG_CATEGORY_NOT_EMPTY', { categoryId, products })
  await categories.doc(categoryId).remove()
  return ok({ deleted: categoryId })
}
