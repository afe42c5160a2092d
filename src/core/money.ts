// Amounts travel as integer fen; this is the only place that turns them into yuan.

export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * Splits `totalFen` over parts in proportion to `weights`, in whole fen, by largest remainder: the
 * parts always add up to exactly `totalFen`, and no part is off by more than one fen from its share.
 * Ties go to the earlier part, so the split is deterministic.
 */
export function prorate(totalFen: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  if (weights.length === 0) return []
  if (sum === 0) return prorate(totalFen, weights.map(() => 1))
  const exact = weights.map((w) => (totalFen * w) / sum)
  const parts = exact.map(Math.floor)
  let left = totalFen - parts.reduce((a, b) => a + b, 0)
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of byRemainder) {
    if (left <= 0) break
    parts[i]++
    left--
  }
  return parts
}
