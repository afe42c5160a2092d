import { createHash, randomBytes, randomInt } from 'node:crypto'

/** The service provider's merchant number: cloud pay is a provider, the shop's merchant is the sub-merchant. */
export const PROVIDER_MCH_ID = '1800000001'

/** The local stand-in for the merchant API key that WeChat Pay v2 signs with. */
const SIGN_KEY = 'everyshoplocalcloudpaykey0000000'

const CHINA_OFFSET_MS = 8 * 3600_000

/** `yyyyMMddHHmmss` in China time: the format of time_end, and the date inside WeChat's ids. */
export function compactTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14)
}

/** `yyyy-MM-dd HH:mm:ss` in China time: the format of refund success times. */
export function readableTime(at: Date): string {
  const iso = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}

export function nonceStr(): string {
  return randomBytes(16).toString('hex')
}

function digits(count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += randomInt(10)
  return out
}

// Ids shaped like WeChat's, so code that stores or validates them meets realistic values.
export const newPrepayId = (at: Date) => `wx${compactTime(at)}${randomBytes(10).toString('hex')}`
export const newTransactionId = (at: Date) => `420000${digits(4)}${compactTime(at).slice(0, 8)}${digits(10)}`
export const newRefundId = (at: Date) => `5030${digits(6)}${compactTime(at).slice(0, 8)}${digits(11)}`

/**
 * WeChat Pay v2's MD5 signature (the one `paySign` uses with signType MD5): the non-empty scalar
 * fields sorted by name as `k=v&…`, then `&key=<merchant key>`, hashed and upper-cased.
 */
export function sign(fields: Record<string, unknown>): string {
  const pairs = Object.keys(fields)
    .filter((k) => k !== 'sign' && fields[k] !== '' && (typeof fields[k] === 'string' || typeof fields[k] === 'number'))
    .sort()
    .map((k) => `${k}=${fields[k]}`)
  return createHash('md5').update(`${pairs.join('&')}&key=${SIGN_KEY}`, 'utf8').digest('hex').toUpperCase()
}

export function signed<T extends Record<string, unknown>>(fields: T): T & { sign: string } {
  return { ...fields, sign: sign(fields) }
}

/**
 * The payer's openid under the service provider's app. Cloud pay notifications carry it as `openid`
 * and the mini program's own openid as `subOpenid`; deriving a different value keeps code that reads
 * the wrong one from passing locally.
 */
export function providerOpenid(subOpenid: string): string {
  return `oSP${createHash('sha256').update(subOpenid).digest('base64url').slice(0, 25)}`
}
