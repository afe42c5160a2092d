import { makeAutoObservable } from 'mobx'
import { memberFunction } from '../contracts/functions'
import type { MemberCard, PointsHistoryEntry } from '../contracts/member'
import type { MemberRules } from '../core/member'
import type { CloudClient } from '../services/cloud'
import { IDLE, track, type LoadState } from './load-state'
import { PagedList } from './paged-list'

/** 会员: the caller's member card (with HQ's rules, for the points page and checkout) and points history. */
export class MemberStore {
  card: LoadState<{ card: MemberCard; rules: MemberRules }> = IDLE
  private history: PagedList<PointsHistoryEntry> | null = null

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<MemberStore, 'cloud' | 'history'>(this, { cloud: false, history: false })
  }

  load(): Promise<void> {
    return track(
      () => this.cloud.call(memberFunction, 'getMemberCard', {}),
      (state) => { this.card = state },
    )
  }

  /** The points history, newest first, created on first use. */
  points(): PagedList<PointsHistoryEntry> {
    this.history ??= new PagedList((page, pageSize) => this.cloud.call(memberFunction, 'listPoints', { page, pageSize }))
    return this.history
  }

  /** Another persona is the caller (H5). */
  reset(): void {
    this.card = IDLE
    this.history = null
  }
}
