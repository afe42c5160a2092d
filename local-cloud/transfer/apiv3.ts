import { createCipheriv, createHash, createPrivateKey, createPublicKey, createSign, createVerify, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * WeChat Pay APIv3's cryptography, as its documentation describes it: requests are signed by the
 * merchant's API key, answers and notifications by WeChat's platform key, over
 * `<lines>\n` joined messages, with SHA256-RSA (PKCS#1 v1.5); notification resources are sealed
 * with AEAD_AES_256_GCM under the merchant's APIv3 key.
 */

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048'

/** WeChat refuses a request whose timestamp is more than five minutes away from its clock. */
const MAX_SKEW_S = 300

export interface Authorization {
  mchid: string
  nonce_str: string
  signature: string
  timestamp: string
  serial_no: string
}

/** The Authorization header's fields, or undefined when it is not in APIv3's shape. */
export function parseAuthorization(header: string | undefined): Authorization | undefined {
  if (!header?.startsWith(`${AUTH_SCHEME} `)) return undefined
  const fields: Record<string, string> = {}
  for (const match of header.slice(AUTH_SCHEME.length + 1).matchAll(/(\w+)="([^"]*)"/g)) fields[match[1]] = match[2]
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return undefined
  return { mchid, nonce_str, signature, timestamp, serial_no }
}

/** The message a request's signature covers: method, path with query, timestamp, nonce, body. */
export function requestMessage(method: string, pathWithQuery: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`
}

/** The message an answer's or a notification's signature covers. */
export function answerMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`
}

export function rsaSign(message: string, privateKey: KeyObject): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64')
}

export function rsaVerify(message: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64')
  } catch {
    return false
  }
}

export function timestampFresh(timestamp: string, nowMs: number): boolean {
  return /^\d+$/.test(timestamp) && Math.abs(Number(timestamp) - nowMs / 1000) <= MAX_SKEW_S
}

/** The four headers WeChat puts on every answer and notification, signed by the platform key. */
export function signedHeaders(body: string, platform: PlatformKey): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(16).toString('hex')
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': rsaSign(answerMessage(timestamp, nonce, body), platform.privateKey),
    'Wechatpay-Serial': platform.serialNo,
  }
}

/** A notification's `resource`: base64 of ciphertext followed by the 16-byte GCM tag. */
export function sealResource(plaintext: string, apiV3Key: string, associatedData: string) {
  // WeChat's nonce is 12 printable characters, used as the GCM IV bytes.
  const nonce = randomBytes(9).toString('base64url').slice(0, 12)
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'))
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: sealed.toString('base64'), associated_data: associatedData, nonce }
}

export interface PlatformKey {
  privateKey: KeyObject
  publicKey: KeyObject
  /** WeChat names a platform public key `PUB_KEY_ID_…`; the adapter picks its key by this serial. */
  serialNo: string
}

/**
 * The local "WeChat Pay platform" key: the one given, else one kept in the data folder so that an
 * adapter configured with its public key keeps verifying after a restart.
 */
export function platformKey(dataDir: string, given?: { privateKey: string; serialNo?: string }): PlatformKey {
  const privateKey = createPrivateKey(given?.privateKey ?? keptKeyPem(dataDir, 'wechatpay-platform-key.pem'))
  const publicKey = createPublicKey(privateKey)
  // Derived from the key, so that two keys never share an id (an adapter picks the key by it).
  const digest = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest()
  const derived = `PUB_KEY_ID_01${[...digest.subarray(0, 15)].map((byte) => String(byte % 100).padStart(2, '0')).join('')}`
  return { privateKey, publicKey, serialNo: given?.serialNo ?? derived }
}

export interface MerchantKey {
  /** PKCS#8 PEM: what the merchant's server signs requests with. */
  privateKeyPem: string
  publicKey: KeyObject
  /** The serial number of the merchant's API certificate: 40 hex digits, as WeChat issues them. */
  serialNo: string
}

/**
 * A development-only merchant API key, kept in the data folder: the local cloud checks requests
 * against it and hands it to the functions it runs, so they sign as a real merchant's server does.
 * It never leaves this machine and is worth nothing outside the local cloud.
 */
export function localMerchantKey(dataDir: string): MerchantKey {
  const privateKeyPem = keptKeyPem(dataDir, 'wechatpay-merchant-key.pem')
  const publicKey = createPublicKey(privateKeyPem)
  const serialNo = createHash('sha1').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').toUpperCase()
  return { privateKeyPem, publicKey, serialNo }
}

/** An RSA-2048 private key (PKCS#8 PEM) kept in the data folder under this name, made on first use. */
function keptKeyPem(dataDir: string, name: string): string {
  const file = path.join(dataDir, name)
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8')
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
  fs.writeFileSync(file, pem, { mode: 0o600 })
  return pem
}
