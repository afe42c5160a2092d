import fs from 'node:fs'
import zlib from 'node:zlib'

/**
 * Append-only write-ahead log with group commit.
 *
 * Guarantee: when `append` resolves, the record has been written and fdatasync'ed, so it survives a
 * SIGKILL of the server and a power loss. Concurrent appends share one write + one fdatasync.
 * Each line carries a CRC32 so a torn final record (crash mid-write) is detected and dropped on
 * recovery instead of corrupting what follows.
 */
export class WriteAheadLog {
  private fd: number
  private pending: Array<{ line: string; done: () => void; fail: (e: unknown) => void }> = []
  private flushing = false
  private idleHooks: Array<() => void> = []
  bytes: number

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'a')
    this.bytes = fs.fstatSync(this.fd).size
  }

  append(record: unknown): Promise<void> {
    const json = JSON.stringify(record)
    const line = `${zlib.crc32(json).toString(16)} ${json}\n`
    return new Promise((done, fail) => {
      this.pending.push({ line, done, fail })
      if (!this.flushing) void this.flush()
    })
  }

  private async flush(): Promise<void> {
    this.flushing = true
    while (this.pending.length > 0) {
      const batch = this.pending
      this.pending = []
      const buffer = Buffer.from(batch.map((b) => b.line).join(''))
      try {
        await writeAll(this.fd, buffer)
        await new Promise<void>((ok, ko) => fs.fdatasync(this.fd, (e) => (e ? ko(e) : ok())))
        this.bytes += buffer.length
        for (const b of batch) b.done()
      } catch (e) {
        for (const b of batch) b.fail(e)
      }
    }
    this.flushing = false
    const hooks = this.idleHooks
    this.idleHooks = []
    for (const hook of hooks) hook()
  }

  /**
   * Runs `hook` synchronously at the next moment every appended record is durable and none is queued,
   * so the hook sees a state whose log is complete.
   */
  whenIdle(hook: () => void): void {
    if (!this.flushing && this.pending.length === 0) hook()
    else this.idleHooks.push(hook)
  }

  /** Resolves once every record appended so far is durable. */
  drain(): Promise<void> {
    return new Promise((done) => this.whenIdle(done))
  }

  close(): void {
    fs.closeSync(this.fd)
  }

  /** Reads the valid records of a log file, truncating a torn tail left by a crash. */
  static read(file: string): unknown[] {
    if (!fs.existsSync(file)) return []
    const text = fs.readFileSync(file, 'utf8')
    const records: unknown[] = []
    let offset = 0
    while (offset < text.length) {
      const end = text.indexOf('\n', offset)
      if (end < 0) break
      const line = text.slice(offset, end)
      const space = line.indexOf(' ')
      const json = line.slice(space + 1)
      if (space < 0 || zlib.crc32(json).toString(16) !== line.slice(0, space)) break
      records.push(JSON.parse(json))
      offset = end + 1
    }
    const validBytes = Buffer.byteLength(text.slice(0, offset))
    if (validBytes < fs.statSync(file).size) fs.truncateSync(file, validBytes)
    return records
  }
}

async function writeAll(fd: number, buffer: Buffer): Promise<void> {
  let written = 0
  while (written < buffer.length) {
    written += await new Promise<number>((ok, ko) =>
      fs.write(fd, buffer, written, buffer.length - written, null, (e, n) => (e ? ko(e) : ok(n))),
    )
  }
}

export function syncDirectory(dir: string): void {
  const fd = fs.openSync(dir, 'r')
  fs.fsyncSync(fd)
  fs.closeSync(fd)
}
