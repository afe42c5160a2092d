import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type Verdict = 'ok' | 'expired' | 'forged'

/**
 * Signs what the local cloud hands out, as COS presigns its URLs: a temp URL (`?sign=…&t=<expiry
 * in s>`) and an upload authorization (COS's `q-sign-time=<start>;<end>&q-signature=…` form) are
 * each bound to one cloud path and a time, so a URL edited to name another file, or to last longer,
 * is refused. The key lives in the data directory, so URLs handed out before a restart keep working
 * until they expire, as they would in the cloud.
 */
export class Signer {
  private constructor(private readonly key: Buffer) {}

  /** The key kept in `file`, made on first use. */
  static open(file: string): Signer {
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true })
      const temporary = `${file}.${process.pid}.tmp`
      const fd = fs.openSync(temporary, 'w', 0o600)
      try {
        fs.writeSync(fd, randomBytes(32).toString('hex'))
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
      fs.renameSync(temporary, file)
    }
    return new Signer(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex'))
  }

  /** `sign` and `t` of a temp URL for `cloudPath` valid until `expires` (seconds since the epoch). */
  tempUrlQuery(cloudPath: string, expires: number): string {
    return `sign=${this.mac('get', cloudPath, String(expires))}&t=${expires}`
  }

  checkTempUrl(cloudPath: string, sign: string | null, t: string | null, nowSeconds: number): Verdict {
    if (!sign || !t || !/^\d{1,12}$/.test(t)) return 'forged'
    if (!same(sign, this.mac('get', cloudPath, t))) return 'forged'
    return nowSeconds > Number(t) ? 'expired' : 'ok'
  }

  /** The `authorization` an upload of `cloudPath` must carry, valid from `start` to `end` (seconds). */
  uploadAuthorization(cloudPath: string, start: number, end: number): string {
    const time = `${start};${end}`
    return `q-sign-algorithm=hmac-sha256&q-sign-time=${time}&q-signature=${this.mac('put', cloudPath, time)}`
  }

  checkUpload(cloudPath: string, authorization: string | undefined, nowSeconds: number): Verdict {
    const fields = new URLSearchParams(authorization ?? '')
    const time = fields.get('q-sign-time') ?? ''
    const signature = fields.get('q-signature')
    const match = /^(\d{1,12});(\d{1,12})$/.exec(time)
    if (!match || !signature || !same(signature, this.mac('put', cloudPath, time))) return 'forged'
    return nowSeconds < Number(match[1]) || nowSeconds > Number(match[2]) ? 'expired' : 'ok'
  }

  private mac(method: string, cloudPath: string, time: string): string {
    return createHmac('sha256', this.key).update(`${method}\n${cloudPath}\n${time}`).digest('hex').slice(0, 32)
  }
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
