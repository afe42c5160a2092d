import { makeAutoObservable } from 'mobx'
import { userFunction } from '../contracts/functions'
import type { Profile } from '../core/user'
import type { CloudClient } from '../services/cloud'
import { IDLE, track, type LoadState } from './load-state'

/** The caller as the server knows them (null: not met yet). */
export class ProfileStore {
  profile: LoadState<Profile | null> = IDLE

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<ProfileStore, 'cloud'>(this, { cloud: false })
  }

  load(): Promise<void> {
    return track(
      () => this.cloud.call(userFunction, 'getProfile', {}),
      (state) => { this.profile = state },
    )
  }
}
