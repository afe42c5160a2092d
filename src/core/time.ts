import dayjs, { Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

// The core never reads the clock: every rule takes the instant it applies at (`at`, `now`) from its
// caller, so it can be tested at any moment.

/**
 * Business time is Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a fixed
 * offset is exact — and unlike the timezone plugin it needs no Intl time-zone data, which mini program
 * runtimes do not all have.
 */
export function inShanghai(instant: Date): Dayjs {
  return dayjs(instant).utcOffset(8 * 60)
}

export const addMinutes = (instant: Date, minutes: number): Date => dayjs(instant).add(minutes, 'minute').toDate()
export const addDays = (instant: Date, days: number): Date => dayjs(instant).add(days, 'day').toDate()

/** e.g. 2026-11-25 10:17 */
export const formatShanghai = (instant: Date, pattern = 'YYYY-MM-DD HH:mm'): string => inShanghai(instant).format(pattern)

/** The instant a Shanghai business day (YYYY-MM-DD) begins. */
export const shanghaiDayStart = (day: string): Date => new Date(`${day}T00:00:00+08:00`)
