import Taro from '@tarojs/taro'
import { makeAutoObservable, runInAction } from 'mobx'
import { catalogFunction } from '../contracts/functions'
import { rememberSearch } from '../core/search-hints'
import type { CloudClient } from '../services/cloud'
import { attempt, IDLE, refresh, type LoadState, type Outcome } from './load-state'

/** The recent searches stay on this device only: they are the shopper's, not the shop's. */
const STORAGE_KEY = 'everyshop.recentSearches'

/** What the search page offers besides results: the shopper's recent searches and HQ's hot words. */
export class SearchStore {
  recent: string[] = readRecent()
  hotWords: LoadState<string[]> = IDLE

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<SearchStore, 'cloud'>(this, { cloud: false })
  }

  loadHotWords(): Promise<void> {
    return refresh(
      this.hotWords,
      () => this.cloud.call(catalogFunction, 'getSearchHints', {}).then((answer) => answer.hotWords),
      (state) => { this.hotWords = state },
    )
  }

  /** HQ: the hot words in the order shown; the page shows what the server kept. */
  async saveHotWords(words: string[]): Promise<Outcome<{ hotWords: string[] }>> {
    const outcome = await attempt(() => this.cloud.call(catalogFunction, 'setSearchHotWords', { words }))
    if (outcome.ok) runInAction(() => { this.hotWords = { status: 'ready', data: outcome.data.hotWords } })
    return outcome
  }

  remember(keyword: string): void {
    this.recent = rememberSearch(this.recent, keyword)
    Taro.setStorageSync(STORAGE_KEY, this.recent)
  }

  clearRecent(): void {
    this.recent = []
    Taro.removeStorageSync(STORAGE_KEY)
  }
}

function readRecent(): string[] {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
  return Array.isArray(stored) ? stored.filter((w): w is string => typeof w === 'string') : []
}
