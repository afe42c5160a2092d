import { describe, expect, it } from 'vitest'
import { CloudError } from '../../src/services/cloud'
import { attemptWhileBusy, refreshDocument, type LoadState } from '../../src/stores/load-state'

describe('a change the page waits on', () => {
  it('is busy until it has answered and what it changed has been read again, then answers the outcome', async () => {
    const seen: string[] = []
    const outcome = await attemptWhileBusy(
      (inFlight) => seen.push(inFlight ? 'busy' : 'idle'),
      async () => {
        seen.push('request')
        return 7
      },
      async () => {
        seen.push('read again')
      },
    )
    expect(outcome).toEqual({ ok: true, data: 7 })
    expect(seen).toEqual(['busy', 'request', 'read again', 'idle'])
  })

  it('a refused change is an outcome, not a rejection, reads nothing again and leaves the page idle', async () => {
    const seen: string[] = []
    const outcome = await attemptWhileBusy(
      (inFlight) => seen.push(inFlight ? 'busy' : 'idle'),
      () => Promise.reject(new CloudError('CATALOG_CATEGORY_NOT_FOUND')),
      async () => {
        seen.push('read again')
      },
    )
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CATALOG_CATEGORY_NOT_FOUND' } })
    expect(seen).toEqual(['busy', 'idle'])
  })
})

describe('one document reloaded', () => {
  const shown: LoadState<{ _id: string; title: string }> = { status: 'ready', data: { _id: 'p-1', title: '滇红' } }

  it('stays on screen while the same document reloads', async () => {
    const states: string[] = []
    await refreshDocument(shown, 'p-1', async () => ({ _id: 'p-1', title: '滇红 金芽' }), (state) => states.push(state.status))
    expect(states).toEqual(['ready'])
  })

  it('shows loading rather than another document while a different one loads', async () => {
    const states: string[] = []
    await refreshDocument(shown, 'p-2', async () => ({ _id: 'p-2', title: '龙井' }), (state) => states.push(state.status))
    expect(states).toEqual(['loading', 'ready'])
  })
})
