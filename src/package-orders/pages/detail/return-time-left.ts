/**
 * How long the buyer has left to send a return back, to the minute: 还剩 6 天 23 小时, 还剩 5 小时 12 分,
 * 还剩不到 1 分钟, 已到期. The page's own words, kept beside it (in its subpackage) rather than in the main package.
 */
export function returnTimeLeftText(dueAt: Date, now: Date): string {
  const ms = dueAt.getTime() - now.getTime()
  if (ms <= 0) return '已到期'
  const minutes = Math.floor(ms / 60_000)
  if (minutes === 0) return '还剩不到 1 分钟'
  const [days, hours] = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60)]
  return days > 0 ? `还剩 ${days} 天 ${hours} 小时` : `还剩 ${hours} 小时 ${minutes % 60} 分`
}
