import { makeAutoObservable, runInAction } from 'mobx'
import { toCloudError, type CloudError } from '../services/cloud'
import type { LoadState } from './load-state'

export const PAGE_SIZE = 20

export interface Page<T> {
  items: T[]
  hasMore: boolean
}

/** Why the list's footer shows what it shows: more on the way, a failed page to retry, or the end. */
export type ListFooter = 'none' | 'loading' | 'error' | 'end'

/**
 * A list read one page at a time (infinite scroll) and refreshed from the top (pull-down). A refresh
 * wins over a page still in flight: answers to an older generation are dropped, so a slow page can
 * never append to a list that was reloaded meanwhile. Items are keyed by `_id`, so a row that moved
 * to the next page between two requests is not shown twice.
 */
export class PagedList<T extends { _id: string }> {
  items: T[] = []
  hasMore = false
  /** Whether the first page has ever arrived: until then the page shows loading or the error. */
  private loaded = false
  private busy = false
  private error: CloudError | null = null
  private nextPage = 0
  private generation = 0

  constructor(private readonly fetchPage: (page: number, pageSize: number) => Promise<Page<T>>) {
    makeAutoObservable<PagedList<T>, 'fetchPage'>(this, { fetchPage: false })
  }

  /** For LoadStateView: loading or error until the first page, then the items (kept through a refresh). */
  get state(): LoadState<T[]> {
    if (this.loaded) return { status: 'ready', data: this.items }
    if (this.error && !this.busy) return { status: 'error', error: this.error }
    return { status: 'loading' }
  }

  get footer(): ListFooter {
    if (!this.loaded || this.items.length === 0) return 'none'
    if (this.busy) return 'loading'
    if (this.error) return 'error'
    return this.hasMore ? 'none' : 'end'
  }

  /** Loads the first page unless it is already there or on its way. */
  ensureLoaded(): Promise<void> {
    return this.loaded || this.busy ? Promise.resolve() : this.refresh()
  }

  /** Reloads from the first page; the items stay on screen until the new page replaces them. */
  refresh(): Promise<void> {
    return this.load(0)
  }

  /** Appends the next page; does nothing while a page is in flight or after the last one. */
  loadMore(): Promise<void> {
    if (this.busy || !this.loaded || !this.hasMore) return Promise.resolve()
    return this.load(this.nextPage)
  }

  /** After a failed page: asks for it again. */
  retry(): Promise<void> {
    return this.load(this.loaded ? this.nextPage : 0)
  }

  private async load(page: number): Promise<void> {
    const generation = page === 0 ? ++this.generation : this.generation
    this.busy = true
    this.error = null
    try {
      const answer = await this.fetchPage(page, PAGE_SIZE)
      if (generation !== this.generation) return
      runInAction(() => {
        const kept = page === 0 ? [] : this.items
        const seen = new Set(kept.map((item) => item._id))
        this.items = [...kept, ...answer.items.filter((item) => !seen.has(item._id))]
        this.hasMore = answer.hasMore
        this.nextPage = page + 1
        this.loaded = true
        this.busy = false
      })
    } catch (error) {
      if (generation !== this.generation) return
      runInAction(() => {
        this.error = toCloudError(error)
        this.busy = false
      })
    }
  }

  /** Lets a store show a change made elsewhere (an order paid or cancelled) without a reload. */
  replace(id: string, next: T | null): void {
    this.items = next ? this.items.map((item) => (item._id === id ? next : item)) : this.items.filter((item) => item._id !== id)
  }
}
