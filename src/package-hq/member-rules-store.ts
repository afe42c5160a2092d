import { makeAutoObservable, runInAction } from 'mobx'
import { hqMarketingFunction } from '../contracts/functions'
import type { MemberRules, MemberRulesInput } from '../core/member'
import type { CloudClient } from '../services/cloud'
import { IDLE, attempt, track, type LoadState, type Outcome } from '../stores/load-state'

/** HQ's points and member level rules: read, and saved as a new version. Lives in package-hq. */
export class MemberRulesStore {
  rules: LoadState<MemberRules> = IDLE
  saving = false

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<MemberRulesStore, 'cloud'>(this, { cloud: false })
  }

  load(): Promise<void> {
    return track(
      () => this.cloud.call(hqMarketingFunction, 'getMemberRules', {}),
      (state) => { this.rules = state },
    )
  }

  /** A saved version is read back whole, so the page shows the version now in force. */
  async save(rules: MemberRulesInput): Promise<Outcome<MemberRules>> {
    this.saving = true
    const outcome = await attempt(() => this.cloud.call(hqMarketingFunction, 'setMemberRules', { rules }))
    runInAction(() => {
      this.saving = false
      if (outcome.ok) this.rules = { status: 'ready', data: outcome.data }
    })
    return outcome
  }
}
