import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'

/**
 * Where a function finds the merchant's WeChat Pay credentials: its environment variables (cloud
 * console → the function's configuration → 环境变量), never the repository. The local cloud sets the
 * same variables for the functions it runs, from its development merchant.
 */
export const PAYOUT_ENV = {
  /** 商户号 */
  mchId: 'WECHATPAY_MCH_ID',
  /** The mini program's AppID the merchant number is bound to (the payee's openid belongs to it). */
  appId: 'WECHATPAY_APP_ID',
  /** The merchant API private key (apiclient_key.pem): PEM, PEM with `\n` escapes, or its base64 PKCS#8 body. */
  privateKey: 'WECHATPAY_PRIVATE_KEY',
  /** The merchant API certificate's serial number. */
  serialNo: 'WECHATPAY_SERIAL_NO',
  /** The 32-character APIv3 key notifications are sealed with. */
  apiV3Key: 'WECHATPAY_API_V3_KEY',
  /** WeChat Pay's public key (微信支付公钥; a platform certificate works too): PEM, escaped PEM or base64 SPKI. */
  publicKey: 'WECHATPAY_PUBLIC_KEY',
  /** Its id (PUB_KEY_ID_…, or the platform certificate's serial): answers and notifications name it. */
  publicKeyId: 'WECHATPAY_PUBLIC_KEY_ID',
  /** Optional: WeChat Pay's API host. */
  baseUrl: 'WECHATPAY_BASE_URL',
} as const

export const PRODUCTION_BASE_URL = 'https://api.mch.weixin.qq.com'

export interface PayoutConfig {
  mchId: string
  appId: string
  privateKey: KeyObject
  serialNo: string
  apiV3Key: string
  publicKey: KeyObject
  publicKeyId: string
  baseUrl: string
}

export type Environment = Record<string, string | undefined>

/** The configuration in `env`, or every problem with it (a missing or unreadable variable), named. */
export function payoutConfigFrom(env: Environment): { ok: true; config: PayoutConfig } | { ok: false; problems: string[] } {
  const problems: string[] = []
  const read = (name: string): string => {
    const value = env[name]?.trim()
    if (!value) problems.push(`${name} is not set`)
    return value ?? ''
  }
  const key = <K>(name: string, parse: (text: string) => K, what: string): K | undefined => {
    const text = read(name)
    if (!text) return undefined
    try {
      return parse(text)
    } catch {
      problems.push(`${name} is not ${what}`)
      return undefined
    }
  }
  const mchId = read(PAYOUT_ENV.mchId)
  const appId = read(PAYOUT_ENV.appId)
  const privateKey = key(PAYOUT_ENV.privateKey, (text) => keyFrom(text, 'private'), 'an RSA private key (PEM or base64 PKCS#8)')
  const serialNo = read(PAYOUT_ENV.serialNo)
  const apiV3Key = read(PAYOUT_ENV.apiV3Key)
  // AES-256-GCM takes the key's characters as its 32 key bytes.
  if (apiV3Key && Buffer.byteLength(apiV3Key) !== 32) problems.push(`${PAYOUT_ENV.apiV3Key} must be 32 bytes`)
  const publicKey = key(PAYOUT_ENV.publicKey, (text) => keyFrom(text, 'public'), 'a public key or certificate (PEM or base64 SPKI)')
  const publicKeyId = read(PAYOUT_ENV.publicKeyId)
  const baseUrl = env[PAYOUT_ENV.baseUrl]?.trim() || PRODUCTION_BASE_URL
  if (!/^https?:\/\/[^/\s]+\/?$/.test(baseUrl)) problems.push(`${PAYOUT_ENV.baseUrl} must be a scheme and host, such as ${PRODUCTION_BASE_URL}`)
  if (problems.length > 0 || !privateKey || !publicKey) return { ok: false, problems }
  return { ok: true, config: { mchId, appId, privateKey, serialNo, apiV3Key, publicKey, publicKeyId, baseUrl } }
}

/** The variables that configure the payout port, from the merchant's credentials: what the local cloud gives its functions. */
export function payoutEnvironment(credentials: {
  mchId: string
  appId: string
  privateKeyPem: string
  serialNo: string
  apiV3Key: string
  publicKeyPem: string
  publicKeyId: string
  baseUrl: string
}): Record<string, string> {
  return {
    [PAYOUT_ENV.mchId]: credentials.mchId,
    [PAYOUT_ENV.appId]: credentials.appId,
    [PAYOUT_ENV.privateKey]: credentials.privateKeyPem,
    [PAYOUT_ENV.serialNo]: credentials.serialNo,
    [PAYOUT_ENV.apiV3Key]: credentials.apiV3Key,
    [PAYOUT_ENV.publicKey]: credentials.publicKeyPem,
    [PAYOUT_ENV.publicKeyId]: credentials.publicKeyId,
    [PAYOUT_ENV.baseUrl]: credentials.baseUrl,
  }
}

/**
 * A key from an environment variable. Consoles that take one line per value get the PEM with `\n`
 * escapes or just its base64 body, so all three are read.
 */
function keyFrom(text: string, kind: 'private' | 'public'): KeyObject {
  const pem = text.replace(/\\n/g, '\n')
  if (pem.startsWith('-----BEGIN')) return kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem)
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64')
  return kind === 'private' ? createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) : createPublicKey({ key: der, format: 'der', type: 'spki' })
}
