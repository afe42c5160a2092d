/**
 * wechatpay-axios-plugin's entry (index.js) assigns to its client class's getter-only `default`, which
 * throws in the strict-mode bundles esbuild makes of the functions. The payout adapter imports the
 * package's modules one by one instead, typed by the package's own declarations.
 */
declare module 'wechatpay-axios-plugin/lib/wechatpay' {
  import { Wechatpay } from 'wechatpay-axios-plugin'
  export = Wechatpay
}
declare module 'wechatpay-axios-plugin/lib/rsa' {
  import { Rsa } from 'wechatpay-axios-plugin'
  export = Rsa
}
declare module 'wechatpay-axios-plugin/lib/aes' {
  import { Aes } from 'wechatpay-axios-plugin'
  export = Aes
}
declare module 'wechatpay-axios-plugin/lib/formatter' {
  import { Formatter } from 'wechatpay-axios-plugin'
  export = Formatter
}
