import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export class TooLarge extends Error {}
/** A file where the path needs a folder, or a folder where it needs a file: COS keys allow it, a disk does not. */
export class PathConflict extends Error {}

/**
 * The bucket's files, one disk file per cloud path under `<root>/files/<cloudPath>`, so a developer
 * can look at them. A write is acknowledged only once it is on disk: it goes to `<root>/incoming/`,
 * is fsynced, then renamed into place (so a reader sees the old file or the new one, never half of
 * one) and the folder fsynced, so an upload that succeeded survives a crash or power loss.
 * Callers pass cloud paths already checked by cloudPathProblem; `fileOf` checks containment again.
 */
export class ObjectStore {
  private readonly files: string
  private readonly incoming: string

  constructor(root: string) {
    this.files = path.join(root, 'files')
    this.incoming = path.join(root, 'incoming')
    fs.mkdirSync(this.files, { recursive: true })
    // Uploads cut short by a crash leave only these partial files behind; none was acknowledged.
    fs.rmSync(this.incoming, { recursive: true, force: true })
    fs.mkdirSync(this.incoming, { recursive: true })
  }

  fileOf(cloudPath: string): string {
    const file = path.resolve(this.files, ...cloudPath.split('/'))
    if (!file.startsWith(this.files + path.sep)) throw new Error(`${cloudPath} leaves the storage folder`)
    return file
  }

  async exists(cloudPath: string): Promise<boolean> {
    const stat = await fs.promises.stat(this.fileOf(cloudPath)).catch(() => undefined)
    return stat?.isFile() ?? false
  }

  /** Stores the bytes of `body` at `cloudPath`, replacing any file there; refuses more than `maxBytes`. */
  async put(cloudPath: string, body: AsyncIterable<Buffer>, maxBytes: number): Promise<{ size: number }> {
    const target = this.fileOf(cloudPath)
    const temporary = path.join(this.incoming, randomUUID())
    let size = 0
    const handle = await fs.promises.open(temporary, 'wx')
    try {
      try {
        for await (const chunk of body) {
          size += chunk.length
          if (size > maxBytes) throw new TooLarge(`the file is larger than ${maxBytes} bytes`)
          await handle.write(chunk)
        }
        await handle.sync()
      } finally {
        await handle.close()
      }
      try {
        await fs.promises.mkdir(path.dirname(target), { recursive: true })
        await fs.promises.rename(temporary, target)
      } catch (error: any) {
        if (['ENOTDIR', 'EEXIST', 'EISDIR'].includes(error?.code)) {
          throw new PathConflict(`${cloudPath} clashes with a file or folder already stored`)
        }
        throw error
      }
      await syncDirectory(path.dirname(target))
      return { size }
    } finally {
      await fs.promises.rm(temporary, { force: true })
    }
  }

  /** An open file and its size and time, or undefined when nothing is stored at `cloudPath`. */
  async open(cloudPath: string): Promise<{ handle: fs.promises.FileHandle; size: number; mtime: Date } | undefined> {
    const handle = await fs.promises.open(this.fileOf(cloudPath), 'r').catch(() => undefined)
    if (!handle) return undefined
    const stat = await handle.stat()
    if (stat.isFile()) return { handle, size: stat.size, mtime: stat.mtime }
    await handle.close()
    return undefined
  }

  /** Deletes the file; false when there was none. Folders left empty go too, as COS has none. */
  async delete(cloudPath: string): Promise<boolean> {
    const file = this.fileOf(cloudPath)
    if (!(await this.exists(cloudPath))) return false
    try {
      await fs.promises.unlink(file)
    } catch (error: any) {
      if (error?.code === 'ENOENT') return false
      throw error
    }
    await syncDirectory(path.dirname(file))
    for (let dir = path.dirname(file); dir !== this.files; dir = path.dirname(dir)) {
      const removed = await fs.promises.rmdir(dir).then(
        () => true,
        () => false,
      )
      if (!removed) break
    }
    return true
  }
}

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
