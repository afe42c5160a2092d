import { afterEach, describe, expect, it, vi } from 'vitest'
import { userFunction } from '../../src/contracts/functions'
import { createCloudClient } from '../../src/services/cloud-client.h5'

/** A fetch whose answers the test releases one by one, in any order. */
function heldFetch() {
  const held: Array<{ persona: string | undefined; answer: (body: unknown) => void }> = []
  vi.stubGlobal('fetch', (_url: string, init: RequestInit) => new Promise((resolve) => {
    const persona = (init.headers as Record<string, string>)['X-Everyshop-Persona']
    held.push({ persona, answer: (body) => resolve({ json: async () => body }) })
  }))
  return held
}

const settled = (promise: Promise<unknown>) => Promise.race([promise.then(() => 'settled', () => 'settled'), new Promise((r) => setTimeout(() => r('pending'), 50))])

describe('the H5 cloud client', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('calls as the chosen persona and hands back its answer', async () => {
    const held = heldFetch()
    const client = createCloudClient({ personaKey: 'hq-he' })
    const answer = client.call(userFunction, 'getProfile', {})
    await vi.waitFor(() => expect(held).toHaveLength(1))
    expect(held[0].persona).toBe('hq-he')
    held[0].answer({ result: { ok: true, data: null } })
    await expect(answer).resolves.toBeNull()
  })

  it('drops an answer that arrives after the persona was switched, so it cannot overwrite the new persona’s', async () => {
    const held = heldFetch()
    const session = { personaKey: null as string | null }
    const client = createCloudClient(session)
    const asStranger = client.call(userFunction, 'getProfile', {})
    session.personaKey = 'hq-he'
    const asHq = client.call(userFunction, 'getProfile', {})
    await vi.waitFor(() => expect(held).toHaveLength(2))
    expect(held.map((h) => h.persona)).toEqual([undefined, 'hq-he'])
    held[1].answer({ result: { ok: true, data: { nickname: '何静' } } })
    held[0].answer({ result: { ok: true, data: null } })
    await expect(asHq).resolves.toMatchObject({ nickname: '何静' })
    expect(await settled(asStranger)).toBe('pending')
  })
})
