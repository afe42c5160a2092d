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

/** What is left until `until`, as a countdown shows it: 14:59 (and 1:02:03 past an hour); 0:00 once passed. */
export function countdownText(until: Date, now: Date): string {
  const seconds = Math.max(0, Math.ceil((until.getTime() - now.getTime()) / 1000))
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60]
  const pad = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`
}
