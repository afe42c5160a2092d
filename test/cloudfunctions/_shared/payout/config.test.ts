import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { PAYOUT_ENV, PRODUCTION_BASE_URL, payoutConfigFrom, payoutEnvironment } from '../../../../cloudfunctions/_shared/payout/config'
import { PayoutNotConfigured, payoutPort } from '../../../../cloudfunctions/_shared/payout/port'

const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 })
const wechat = generateKeyPairSync('rsa', { modulusLength: 2048 })
const privatePem = merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
const publicPem = wechat.publicKey.export({ type: 'spki', format: 'pem' }) as string

const complete = payoutEnvironment({
  mchId: '1900000109',
  appId: 'wx0000000000000001',
  privateKeyPem: privatePem,
  serialNo: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
  apiV3Key: 'abcdefghijklmnopqrstuvwxyz012345',
  publicKeyPem: publicPem,
  publicKeyId: 'PUB_KEY_ID_0114232134912410000000000000000001',
  baseUrl: 'http://127.0.0.1:39100',
})

describe('payout configuration from the function environment', () => {
  it('reads what payoutEnvironment writes', () => {
    const read = payoutConfigFrom(complete)
    expect(read.ok && read.config).toMatchObject({ mchId: '1900000109', appId: 'wx0000000000000001', publicKeyId: complete[PAYOUT_ENV.publicKeyId], baseUrl: 'http://127.0.0.1:39100' })
  })

  it("uses WeChat Pay's production host unless told otherwise", () => {
    const read = payoutConfigFrom({ ...complete, [PAYOUT_ENV.baseUrl]: undefined })
    expect(read.ok && read.config.baseUrl).toBe(PRODUCTION_BASE_URL)
  })

  it('takes keys as PEM, as PEM with \\n escapes (one-line consoles), or as their base64 body', () => {
    const escaped = { ...complete, [PAYOUT_ENV.privateKey]: privatePem.replace(/\n/g, '\\n'), [PAYOUT_ENV.publicKey]: publicPem.replace(/\n/g, '\\n') }
    const body = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '')
    const bare = { ...complete, [PAYOUT_ENV.privateKey]: body(privatePem), [PAYOUT_ENV.publicKey]: body(publicPem) }
    for (const env of [escaped, bare]) {
      const read = payoutConfigFrom(env)
      expect(read.ok && read.config.publicKey.export({ type: 'spki', format: 'pem' })).toBe(publicPem)
    }
  })

  it('names every missing or unreadable variable in one error with a code for the caller', () => {
    const env = { ...complete, [PAYOUT_ENV.mchId]: '', [PAYOUT_ENV.privateKey]: undefined, [PAYOUT_ENV.apiV3Key]: 'short', [PAYOUT_ENV.publicKey]: 'not a key', [PAYOUT_ENV.baseUrl]: 'api.mch.weixin.qq.com' }
    let thrown: unknown
    try {
      payoutPort(env)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(PayoutNotConfigured)
    const error = thrown as PayoutNotConfigured
    expect(error.code).toBe('PAYOUT_NOT_CONFIGURED')
    expect(error.problems).toEqual([
      'WECHATPAY_MCH_ID is not set',
      'WECHATPAY_PRIVATE_KEY is not set',
      'WECHATPAY_API_V3_KEY must be 32 bytes',
      'WECHATPAY_PUBLIC_KEY is not a public key or certificate (PEM or base64 SPKI)',
      'WECHATPAY_BASE_URL must be a scheme and host, such as https://api.mch.weixin.qq.com',
    ])
    expect(error.message).toMatch(/^WeChat Pay merchant transfer is not configured: WECHATPAY_MCH_ID is not set; /)
  })
})
