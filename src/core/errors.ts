/**
 * Every code a use case or a cloud function can fail with: SCREAMING_SNAKE, scoped by domain. The core
 * and the functions say *what* went wrong (a code, and context in `details`); the words people read
 * are the client's (src/i18n/zh-CN.ts), which must have a text for every code here.
 */
export const ERROR_CODES = [
  // Every function, at its edge
  'AUTH_REQUIRED',
  'FORBIDDEN_SOURCE',
  'INTERNAL_ERROR',
  'INVALID_INPUT',
  'UNKNOWN_ACTION',
  'HQ_FORBIDDEN',
  // Catalog
  'CATALOG_PRODUCT_NOT_FOUND',
  'CATALOG_STOREFRONT_NOT_SET',
  // Cart
  'CART_FULL',
  'CART_LINE_NOT_FOUND',
  'CART_OUT_OF_STOCK',
  'CART_PRODUCT_UNAVAILABLE',
  'CART_QUANTITY_TOO_LARGE',
  // Address book
  'ADDRESS_BOOK_FULL',
  'ADDRESS_NOT_FOUND',
  // Orders
  'ORDER_ADDRESS_NOT_FOUND',
  'ORDER_ALREADY_PAID',
  'ORDER_EMPTY',
  'ORDER_ILLEGAL_TRANSITION',
  'ORDER_NOT_FOUND',
  'ORDER_NOT_PAYABLE',
  'ORDER_OUT_OF_STOCK',
  'ORDER_PAYMENT_CLOSED',
  'ORDER_PAYMENT_EXPIRED',
  'ORDER_PAYMENT_STARTED',
  'ORDER_PRODUCT_OFF_SHELF',
  'ORDER_QUANTITY_TOO_LARGE',
  'ORDER_SKU_NOT_FOUND',
  'ORDER_TOO_MANY_LINES',
  // Payments and refunds
  'LATE_PAYMENT_REFUND_PENDING',
  'PAYMENT_AMOUNT_MISMATCH',
  'PAYMENT_CLOSE_FAILED',
  'PAYMENT_QUERY_FAILED',
  'PAYMENT_UNAVAILABLE',
  'REFUND_ALREADY_RECORDED',
  // Shops, bindings and share codes (issue 8: src/core/shop.ts, attribution.ts, share-code.ts)
  'SHOP_ILLEGAL_TRANSITION',
  'SHOP_MOVE_FORBIDDEN',
  'SHOP_NOT_ACTIVE',
  'BINDING_NOT_ACTIVE',
  'BINDING_SAME_SHOP',
  'BINDING_SELF_REFUSED',
  'BINDING_COLLEAGUE_REFUSED',
  'SHARE_CODE_INVALID',
  // The shop and referral functions (issue 8)
  'EMPLOYEE_ALREADY_VERIFIED',
  'EMPLOYEE_INACTIVE',
  'EMPLOYEE_NOT_FOUND',
  'EMPLOYEE_REQUIRED',
  'EMPLOYEE_VERIFY_FAILED',
  'EMPLOYEE_VERIFY_RATE_LIMITED',
  'SHOP_ALREADY_OPEN',
  'SHOP_CLOSED',
  'SHOP_NOT_FOUND',
  'SHOP_PICKS_UNKNOWN',
  'CUSTOMER_NOT_BOUND',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]
