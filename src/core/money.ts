// Amounts travel as integer fen; this is the only place that turns them into yuan.

export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** An amount in a sentence ('满 ¥99 包邮'): whole yuan without the '.00', otherwise as formatFen. */
export function formatFenShort(fen: number): string {
  return fen % 100 === 0 ? formatFen(fen).slice(0, -3) : formatFen(fen)
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

/**
 * What a person types in hundredths: yuan into fen ('12.5' → 1250), or a percentage into basis points
 * ('12.5' → 1250). NaN for anything but a plain number with at most two decimals, for the server's
 * schema to refuse with its reason.
 */
export function parseHundredths(text: string): number {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text)
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : Number.NaN
}

/** The other way, for a field to edit: 1250 → '12.50' (no ¥: the field's label names the unit). */
export const hundredthsText = (value: number): string => formatFen(value).replace('¥', '')
