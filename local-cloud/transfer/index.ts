import { createPublicKey, type KeyObject } from 'node:crypto'
import type { Store } from '../database/store'
import { localMerchantKey, platformKey } from './apiv3'
import { TransferRecords } from './records'
import { type MerchantConfig, TransferService } from './service'

export interface TransferOptions {
  /** The merchant number requests must carry in their Authorization (default 1900000109). */
  mchId?: string
  /**
   * The merchant's API public key (PEM or KeyObject) that request signatures are checked against.
   * By default, a development key pair kept in the data folder, whose private half the local cloud
   * gives the functions it runs (see TransferService.merchantCredentials). Nothing is accepted unsigned.
   */
  merchantPublicKey?: string | KeyObject
  /**
   * The merchant API certificate's serial number requests must name; with a given public key, any
   * serial when not set; with the development key, its own serial.
   */
  merchantSerialNo?: string
  /** The 32-byte APIv3 key that seals notification resources (a fixed development key by default). */
  apiV3Key?: string
  /** The platform key answers and notifications are signed with; else one kept in the data folder. */
  platform?: { privateKey: string; serialNo?: string }
  /** How long ACCEPTED (after the user confirms) and CANCELING last before the bill ends. */
  settleDelayMs?: number
  /** How long a bill waits for the user's confirmation before it is CANCELLED (WeChat: 24 h). */
  expiryMs?: number
  /** Waits before each new delivery of an unacknowledged notification (WeChat's schedule by default). */
  retryDelaysMs?: number[]
}

export const DEFAULT_API_V3_KEY = 'everyshoplocalcloudapiv3key00000'

/** WeChat Pay APIv3's merchant transfer (商家转账), served at /v3/fund-app/mch-transfer/… and /dev/transfer/…. */
export async function startTransfer(
  store: Store,
  options: TransferOptions & { appId: string; dataDir: string; log: (line: string) => void },
): Promise<TransferService> {
  const records = new TransferRecords(store)
  await records.open()
  const { merchantPublicKey: given, merchantSerialNo } = options
  // AES-256-GCM takes the APIv3 key's 32 characters as its key bytes.
  if (options.apiV3Key !== undefined && Buffer.byteLength(options.apiV3Key) !== 32) throw new Error('transfer.apiV3Key must be 32 bytes')
  let merchant: MerchantConfig | undefined
  const service = new TransferService(records, {
    mchId: options.mchId ?? '1900000109',
    appId: options.appId,
    // The development key is made on first use (an RSA key takes a while), not by every start.
    merchant: () =>
      (merchant ??=
        given !== undefined
          ? { publicKey: typeof given === 'string' ? createPublicKey(given) : given, serialNo: merchantSerialNo }
          : developmentMerchant(options.dataDir, merchantSerialNo)),
    apiV3Key: options.apiV3Key ?? DEFAULT_API_V3_KEY,
    platform: platformKey(options.dataDir, options.platform),
    settleDelayMs: options.settleDelayMs ?? 1_000,
    expiryMs: options.expiryMs ?? 24 * 3600_000,
    // APIv3's notification schedule: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h.
    retryDelaysMs: options.retryDelaysMs ?? [15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600].map((s) => s * 1000),
    log: options.log,
  })
  service.resume()
  return service
}

function developmentMerchant(dataDir: string, serialNo: string | undefined): MerchantConfig {
  const key = localMerchantKey(dataDir)
  return { publicKey: key.publicKey, serialNo: serialNo ?? key.serialNo, privateKeyPem: key.privateKeyPem }
}
