import type { DatabaseEvent } from '../../local-cloud/server'

/**
 * Counts the database requests the shop's functions send: in production each one is a network round
 * trip from the function to CloudBase, so a use case's count is its latency floor. startTestCloud
 * passes every database event here; a test wraps the call it measures in `countDatabaseRequests`.
 */

export interface DatabaseRequests {
  /** Every request sent by a function while the call ran, in the order they were answered. */
  total: number
  /** The requests by action (`getDocument`, `startTransaction`, …), for a readable failure. */
  actions: string[]
  /** The reads that looked at more than the documents they asked for: a collection scan locally, or no declared index in the cloud. */
  scans: string[]
}

const listeners = new Set<(event: DatabaseEvent) => void>()

export const observeDatabaseRequest = (event: DatabaseEvent) => {
  for (const listener of listeners) listener(event)
}

/** A read served by nothing narrower than the whole collection. */
export function isScan(event: DatabaseEvent): boolean {
  if (!event.access) return false
  return !event.access.servedBy || /scan/.test(event.plan ?? '')
}

/**
 * Runs `call` and counts the requests functions sent meanwhile (scripts outside the functions, such as
 * the test's own reads, are not counted), or only those of function `only`. Measure one call at a
 * time: requests are not told apart by the call that caused them.
 */
export async function countDatabaseRequests<T>(call: () => Promise<T>, only?: string): Promise<{ result: T; requests: DatabaseRequests }> {
  const events: DatabaseEvent[] = []
  const listener = (event: DatabaseEvent) => {
    if (event.function && (!only || event.function === only)) events.push(event)
  }
  listeners.add(listener)
  try {
    const result = await call()
    return {
      result,
      requests: {
        total: events.length,
        actions: events.map((e) => `${e.function} ${e.action.replace(/^database\./, '')}${e.access ? ` ${e.access.collection}` : ''}`),
        scans: events.filter(isScan).map((e) => `${e.function} ${e.action} ${e.access!.collection} (${e.plan})`),
      },
    }
  } finally {
    listeners.delete(listener)
  }
}
