/**
 * HQ's CSV exports: what can be exported and the columns of each, in order. The words of the header
 * row are the client's language table's; the cells are made by the function that writes the file.
 */
export const EXPORT_KINDS = ['orders', 'commissions', 'shops'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export const EXPORT_COLUMNS = {
  orders: ['orderNo', 'createdAt', 'status', 'items', 'quantity', 'goods', 'discount', 'shipping', 'payable', 'refunded', 'paidAt', 'shop', 'shopOwner', 'receiver', 'receiverPhone', 'receiverAddress', 'carrier', 'trackingNo', 'shippedAt'],
  commissions: ['at', 'kind', 'amount', 'shop', 'shopOwner', 'employeeNo', 'orderNo', 'lineIndex', 'base', 'rate', 'ruleVersion'],
  shops: ['createdAt', 'shop', 'shopOwner', 'employeeNo', 'status', 'picks'],
} as const satisfies Record<ExportKind, readonly string[]>
export type ExportColumn<K extends ExportKind> = (typeof EXPORT_COLUMNS)[K][number]

/** The longest date range one export covers, and the most rows one file holds: a function run is capped at 60 s. */
export const EXPORT_MAX_DAYS = 366
export const EXPORT_MAX_ROWS = 50_000

/**
 * Cells a spreadsheet would run as a formula (CSV injection: `=HYPERLINK(…)` in a shop's name) start
 * with = + - @ or a tab or carriage return; they are written with a leading apostrophe, which Excel shows
 * as text. A plain number, negative ones included, is left alone.
 */
export const FORMULA_CELL = /^(?!-?\d+(\.\d+)?$)[=+\-@\t\r]/
