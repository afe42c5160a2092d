import { describe, expect, it } from 'vitest'
import type { CloudClient } from '../../src/services/cloud'
import { ProfileStore } from '../../src/stores/profile-store'

/** A cloud whose answers the test releases one by one, in any order. */
function heldCloud() {
  const held: Array<(profile: unknown) => void> = []
  const cloud = { call: () => new Promise((resolve) => held.push(resolve)) } as unknown as CloudClient
  return { cloud, held }
}

describe("the caller's profile", () => {
  it('shows the latest load’s answer even when an earlier one arrives after it', async () => {
    const { cloud, held } = heldCloud()
    const store = new ProfileStore(cloud)
    const asStranger = store.load()
    const asHq = store.load()
    held[1]({ nickname: '何静', hqRole: 'hq_admin' })
    await asHq
    held[0](null)
    await asStranger
    expect(store.profile).toEqual({ status: 'ready', data: { nickname: '何静', hqRole: 'hq_admin' } })
  })

  it('one load shows its answer', async () => {
    const { cloud, held } = heldCloud()
    const store = new ProfileStore(cloud)
    const loaded = store.load()
    expect(store.profile.status).toBe('loading')
    held[0](null)
    await loaded
    expect(store.profile).toEqual({ status: 'ready', data: null })
  })
})
