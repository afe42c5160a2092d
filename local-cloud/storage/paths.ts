/**
 * Cloud paths and fileIDs as CloudBase shapes them.
 *
 * A fileID is `cloud://<env>.<bucket>/<cloudPath>`, the bucket named `<hex of the env's first two
 * characters>-<env>-<Tencent Cloud APPID>` (an env `test-1a2b` stores in `7465-test-1a2b-1250000000`).
 */

/** Tencent Cloud's numeric account id in bucket names; any fixed value does locally. */
const CLOUD_APPID = '1250000000'
/** CloudBase caps a cloud path at 850 bytes of UTF-8. */
const MAX_PATH_BYTES = 850

export function bucketOf(envId: string): string {
  return `${Buffer.from(envId.slice(0, 2)).toString('hex')}-${envId}-${CLOUD_APPID}`
}

export function fileIdOf(envId: string, cloudPath: string): string {
  return `cloud://${envId}.${bucketOf(envId)}/${cloudPath}`
}

export class InvalidPath extends Error {}

/**
 * The refusal of a cloud path, or undefined when it is acceptable. CloudBase documents a cloud path as
 * `/`-separated names of `0-9 a-z A-Z ! - _ . *` and Chinese; the local cloud holds code to that
 * (letters and digits of any script count as "Chinese"), so a name that would need escaping in a URL
 * (`? # % &`, spaces) fails here rather than in a temp URL later. `.` and `..` names are refused too:
 * files live under the data directory, and a path must never leave it.
 */
export function cloudPathProblem(cloudPath: unknown): string | undefined {
  if (typeof cloudPath !== 'string' || cloudPath === '') return 'cloudPath must be a non-empty string'
  if (Buffer.byteLength(cloudPath) > MAX_PATH_BYTES) return `cloudPath is longer than ${MAX_PATH_BYTES} bytes`
  if (cloudPath.startsWith('/')) return 'cloudPath must not start with /'
  if (cloudPath.endsWith('/')) return 'cloudPath must name a file, not end with /'
  const names = cloudPath.split('/')
  if (names.some((name) => name === '')) return 'cloudPath must not contain //'
  if (names.some((name) => name === '.' || name === '..')) return 'cloudPath must not contain . or .. as a name'
  const bad = [...cloudPath].find((char) => !allowed(char))
  if (bad !== undefined) return `cloudPath must not contain ${JSON.stringify(bad)}`
  return undefined
}

function allowed(char: string): boolean {
  return char.codePointAt(0)! < 0x80 ? /[0-9A-Za-z/!\-_.*]/.test(char) : /[\p{L}\p{N}\p{M}]/u.test(char)
}

/**
 * The cloud path a fileID names in this env's bucket. Throws InvalidPath for anything that is not a
 * fileID, and ForeignFile for a fileID of another env or bucket, which this cloud cannot reach.
 */
export function cloudPathOf(envId: string, fileId: unknown): string {
  if (typeof fileId !== 'string' || !fileId.startsWith('cloud://')) throw new InvalidPath(`${String(fileId)} is not a cloud fileID`)
  const rest = fileId.slice('cloud://'.length)
  const slash = rest.indexOf('/')
  const dot = rest.indexOf('.')
  if (slash < 0 || dot < 0 || dot > slash) throw new InvalidPath(`${fileId} is not a cloud fileID`)
  const [env, bucket, cloudPath] = [rest.slice(0, dot), rest.slice(dot + 1, slash), rest.slice(slash + 1)]
  const problem = cloudPathProblem(cloudPath)
  if (problem) throw new InvalidPath(`${fileId}: ${problem}`)
  if (env !== envId || bucket !== bucketOf(envId)) throw new ForeignFile(`${fileId} is not in env ${envId}`)
  return cloudPath
}

export class ForeignFile extends Error {}
