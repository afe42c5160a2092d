import { z } from 'zod'

/** The SDK returns at most 1000 documents a call; pages never ask for more than this. */
export const MAX_PAGE_SIZE = 100

/** `page` (from 0) and `pageSize` of a paged list, with the list's own default size. */
export const paging = (defaultSize: number) => ({
  page: z.number().int().min(0).max(1000).default(0),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(defaultSize),
})

export interface Page<T> {
  items: T[]
  hasMore: boolean
}
