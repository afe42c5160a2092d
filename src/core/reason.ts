/**
 * The most a buyer's reason may hold — a picked reason and their own note, joined as one text — for a
 * cancellation or a refund: what the order's timeline keeps. The contract checks it; the form counts
 * towards it as the buyer types.
 */
export const REASON_MAX_LENGTH = 200

/** The separator between a picked reason and the buyer's note (a full-width colon). */
const JOIN = '\uff1a'

/** The reason as sent: the picked one, the note, or both joined. */
export function composeReason(picked: string | null, note: string): string {
  const written = note.trim()
  return picked && written ? `${picked}${JOIN}${written}` : written || picked || ''
}

/** How long the note may be beside the picked reason, so that the two together fit. */
export function noteRoom(picked: string | null): number {
  return REASON_MAX_LENGTH - (picked ? picked.length + JOIN.length : 0)
}
