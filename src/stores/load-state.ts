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
