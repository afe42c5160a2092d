// Amounts travel as integer fen; these are the only places that turn them into yuan text.

export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** A product whose SKUs differ in price shows its lowest price with 起 ("from"). */
export function formatFenRange(minFen: number, maxFen: number): string {
  return minFen === maxFen ? formatFen(minFen) : `${formatFen(minFen)}起`
}
