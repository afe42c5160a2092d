import { makeAutoObservable } from 'mobx'
import { userFunction } from '../contracts/functions'
import type { Profile } from '../core/user'
import type { CloudClient } from '../services/cloud'
import { IDLE, track, type LoadState } from './load-state'

/** The caller as the server knows them (null: not met yet). */
export class ProfileStore {
  profile: LoadState<Profile | null> = IDLE
  /** Counts the loads asked for: only the latest one's answer is shown. */
  private asked = 0

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<ProfileStore, 'cloud' | 'asked'>(this, { cloud: false, asked: false })
  }

  /**
   * On H5 the page asks as nobody when it opens and again when a persona is chosen; the first answer
   * may arrive last, and must not overwrite who the caller is now.
   */
  load(): Promise<void> {
    const ask = ++this.asked
    return track(
      () => this.cloud.call(userFunction, 'getProfile', {}),
      (state) => {
        if (ask === this.asked) this.profile = state
      },
    )
  }
}
