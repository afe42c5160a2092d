import { runInAction } from 'mobx'
import { toCloudError, type CloudError } from '../services/cloud'

/** The life of one request as pages render it: not asked yet, in flight, answered, or failed. */
export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: CloudError }

export const IDLE: LoadState<never> = { status: 'idle' }

/** Runs `request`, reporting each step through `assign` inside a MobX action. Never rejects. */
export async function track<T>(request: () => Promise<T>, assign: (state: LoadState<T>) => void): Promise<void> {
  runInAction(() => assign({ status: 'loading' }))
  try {
    const data = await request()
    runInAction(() => assign({ status: 'ready', data }))
  } catch (error) {
    runInAction(() => assign({ status: 'error', error: toCloudError(error) }))
  }
}

/**
 * Like `track`, but data already on screen stays there while the request is in flight: a page coming
 * back into view, or pulled down, refreshes without flashing a spinner. The answer (or the error)
 * then replaces it.
 */
export function refresh<T>(current: LoadState<T>, request: () => Promise<T>, assign: (state: LoadState<T>) => void): Promise<void> {
  const shown = current.status === 'ready'
  return track(request, (state) => {
    if (!(shown && state.status === 'loading')) assign(state)
  })
}

/**
 * `refresh` for one document by id: the one on screen stays while it reloads, but another document's
 * state never shows as this one's (the page opened a different order or product).
 */
export function refreshDocument<T extends { _id: string }>(current: LoadState<T>, id: string, request: () => Promise<T>, assign: (state: LoadState<T>) => void): Promise<void> {
  return refresh(current.status === 'ready' && current.data._id === id ? current : IDLE, request, assign)
}

/** The answer to a change the user asked for (add to cart, cancel an order…): the page says how it went. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; error: CloudError }

/** Runs a change; never rejects, so a page can always tell the user what happened. */
export async function attempt<T>(request: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, data: await request() }
  } catch (error) {
    return { ok: false, error: toCloudError(error) }
  }
}

/**
 * Runs a change the page's buttons wait for: `busy(true)` until it has answered and `after` (reading
 * again what it changed, when the page shows the server's view) is done. Never rejects.
 */
export async function attemptWhileBusy<T>(busy: (inFlight: boolean) => void, request: () => Promise<T>, after?: () => Promise<void>): Promise<Outcome<T>> {
  runInAction(() => busy(true))
  const outcome = await attempt(request)
  if (outcome.ok && after) await after()
  runInAction(() => busy(false))
  return outcome
}
