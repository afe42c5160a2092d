import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { TestCloud, callAs, connectSdk, rejection, startTestCloud, tempDir } from '../support/local-cloud'

const BUCKET = '6c6f-local-1250000000'
const fileIdOf = (cloudPath: string) => `cloud://local.${BUCKET}/${cloudPath}`

/** A real PNG, different for each seed, so a mix-up between files shows. */
function png(seed: number): Buffer {
  const image = new PNG({ width: 3, height: 2 })
  image.data.fill(seed)
  return PNG.sync.write(image)
}

/** The status and body of a GET of `path` sent as is: fetch and http.get(url) would normalise `..` away. */
function rawGet(origin: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: rawPath }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }))
      })
      .on('error', reject)
  })
}

/** A storage action sent straight to the service, for what wx-server-sdk does not expose. */
async function adminCall(t: TestCloud, body: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${t.cloud.url}/admin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return response.json()
}

/**
 * A cloud function using storage the way a shop function would: `cloud.init` with the dynamic env,
 * no URL anywhere. Plain JavaScript written out here, so it needs no bundling.
 */
function writeFilesFunction(root: string): void {
  const dir = path.join(root, 'files')
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true })
  fs.symlinkSync(path.dirname(require.resolve('wx-server-sdk/package.json')), path.join(dir, 'node_modules', 'wx-server-sdk'), 'dir')
  fs.writeFileSync(
    path.join(dir, 'index.js'),
    `const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async ({ payload }) => {
  const { fileID } = await cloud.uploadFile({ cloudPath: payload.cloudPath, fileContent: Buffer.from(payload.content, 'base64') })
  const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] })
  const { fileContent } = await cloud.downloadFile({ fileID })
  const deleted = await cloud.deleteFile({ fileList: [fileID] })
  const after = await cloud.getTempFileURL({ fileList: [fileID] })
  return {
    fileID,
    tempFileURL: fileList[0].tempFileURL,
    content: fileContent.toString('base64'),
    deleted: deleted.fileList,
    after: after.fileList,
  }
}
`,
  )
}

describe('cloud storage through wx-server-sdk', () => {
  let t: TestCloud

  beforeAll(async () => {
    const functionsRoot = tempDir('storage-functions')
    writeFilesFunction(functionsRoot)
    t = await startTestCloud({ functionsRoot })
  })
  afterAll(() => t.close())

  it('uploads a PNG under a CloudBase fileID, keeps it in the data directory and downloads the same bytes', async () => {
    const bytes = png(1)
    const uploaded = await t.sdk.uploadFile({ cloudPath: 'products/p1/cover.png', fileContent: bytes })
    // statusCode is -1 against the real service too: node-sdk 3.17 never calls wx-server-sdk's onResponseReceived.
    expect(uploaded).toEqual({ fileID: fileIdOf('products/p1/cover.png'), statusCode: -1, errMsg: 'uploadFile:ok' })
    expect(fs.readFileSync(path.join(t.dataDir, 'storage/files/products/p1/cover.png')).equals(bytes)).toBe(true)

    const downloaded = await t.sdk.downloadFile({ fileID: uploaded.fileID })
    expect(downloaded).toMatchObject({ statusCode: 200, errMsg: 'downloadFile:ok' })
    expect(Buffer.from(downloaded.fileContent).equals(bytes)).toBe(true)
  })

  it('takes a stream as well as a buffer, and replaces a file uploaded again at the same path', async () => {
    const source = path.join(tempDir('storage-source'), 'cover.png')
    fs.writeFileSync(source, png(2))
    const { fileID } = await t.sdk.uploadFile({ cloudPath: 'products/p2/cover.png', fileContent: fs.createReadStream(source) })
    expect(Buffer.from((await t.sdk.downloadFile({ fileID })).fileContent).equals(png(2))).toBe(true)

    await t.sdk.uploadFile({ cloudPath: 'products/p2/cover.png', fileContent: png(3) })
    expect(Buffer.from((await t.sdk.downloadFile({ fileID })).fileContent).equals(png(3))).toBe(true)
  })

  it('gives temp URLs that serve the bytes over HTTP with the content type of the extension', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9])
    const { fileID: pngId } = await t.sdk.uploadFile({ cloudPath: 'temp/a.png', fileContent: png(4) })
    const { fileID: jpgId } = await t.sdk.uploadFile({ cloudPath: 'temp/商品图.JPG', fileContent: jpeg })

    const { fileList, errMsg } = await t.sdk.getTempFileURL({ fileList: [pngId, { fileID: jpgId, maxAge: 120 }] })
    expect(errMsg).toBe('getTempFileURL:ok')
    expect(fileList[0]).toMatchObject({ fileID: pngId, status: 0, errMsg: 'ok', maxAge: 86_400 })
    expect(fileList[0].tempFileURL).toMatch(new RegExp(`^${t.cloud.url}/storage/temp/a\\.png\\?sign=[0-9a-f]{32}&t=\\d+$`))
    expect(fileList[1]).toMatchObject({ fileID: jpgId, status: 0, maxAge: 120 })
    // As the service gives it, unescaped: node-sdk applies encodeURI before fetching.
    expect(fileList[1].tempFileURL).toContain('/storage/temp/商品图.JPG?')

    const pngResponse = await fetch(fileList[0].tempFileURL)
    expect(pngResponse.status).toBe(200)
    expect(pngResponse.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await pngResponse.arrayBuffer()).equals(png(4))).toBe(true)

    const jpgResponse = await fetch(encodeURI(fileList[1].tempFileURL))
    expect(jpgResponse.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await jpgResponse.arrayBuffer()).equals(jpeg)).toBe(true)
    expect(Buffer.from((await t.sdk.downloadFile({ fileID: jpgId })).fileContent).equals(jpeg)).toBe(true)

    const head = await fetch(fileList[0].tempFileURL, { method: 'HEAD' })
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(png(4).length)])
  })

  it('refuses a temp URL whose signature, expiry or path was edited with 403', async () => {
    const { fileID } = await t.sdk.uploadFile({ cloudPath: 'temp/guarded.png', fileContent: png(5) })
    await t.sdk.uploadFile({ cloudPath: 'temp/other.png', fileContent: png(6) })
    const [{ tempFileURL }] = (await t.sdk.getTempFileURL({ fileList: [fileID] })).fileList
    const url = new URL(tempFileURL)
    const sign = url.searchParams.get('sign')!
    const t0 = Number(url.searchParams.get('t'))

    const edited = [
      `${url.origin}${url.pathname}?sign=${sign.replace(/^./, (c) => (c === '0' ? '1' : '0'))}&t=${t0}`,
      `${url.origin}${url.pathname}?sign=${sign}&t=${t0 + 3600}`,
      `${url.origin}/storage/temp/other.png?sign=${sign}&t=${t0}`,
      `${url.origin}${url.pathname}`,
      `${url.origin}${url.pathname}?t=${t0}`,
    ]
    for (const forged of edited) {
      const response = await fetch(forged)
      expect(response.status, forged).toBe(403)
      expect(await response.text()).toMatch(/<Code>AccessDenied<\/Code>/)
    }
    expect((await fetch(tempFileURL)).status).toBe(200)
  })

  it('refuses a temp URL past its maxAge with 403, and caps maxAge at one day', async () => {
    const { fileID } = await t.sdk.uploadFile({ cloudPath: 'temp/brief.png', fileContent: png(7) })
    const { fileList } = await t.sdk.getTempFileURL({ fileList: [{ fileID, maxAge: 60 }, { fileID, maxAge: 7 * 86_400 }] })
    expect(fileList[1].maxAge).toBe(86_400)

    // Only Date is faked: the local cloud runs in this process and reads the clock per request.
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(Date.now() + 61_000)
      const expired = await fetch(fileList[0].tempFileURL)
      expect(expired.status).toBe(403)
      expect(await expired.text()).toMatch(/Request has expired/)
      expect((await fetch(fileList[1].tempFileURL)).status).toBe(200)

      vi.setSystemTime(Date.now() + 86_400_000)
      expect((await fetch(fileList[1].tempFileURL)).status).toBe(403)
    } finally {
      vi.useRealTimers()
    }
  })

  it('deletes files, reporting a missing one per file; a deleted file is then missing everywhere', async () => {
    const { fileID } = await t.sdk.uploadFile({ cloudPath: 'gone/soon.png', fileContent: png(8) })
    const [{ tempFileURL }] = (await t.sdk.getTempFileURL({ fileList: [fileID] })).fileList
    const never = fileIdOf('gone/never-was.png')

    const deleted = await t.sdk.deleteFile({ fileList: [fileID, never] })
    expect(deleted).toEqual({
      errMsg: 'deleteFile:ok',
      fileList: [
        { fileID, status: 0, errMsg: 'ok' },
        { fileID: never, status: -503003, errMsg: 'storage file not exists' },
      ],
    })
    expect(fs.existsSync(path.join(t.dataDir, 'storage/files/gone'))).toBe(false)

    const { fileList } = await t.sdk.getTempFileURL({ fileList: [fileID] })
    expect(fileList).toEqual([{ fileID, status: -503003, errMsg: 'storage file not exists', tempFileURL: '', maxAge: undefined }])
    expect((await fetch(tempFileURL)).status).toBe(404)
    const refused = await rejection(t.sdk.downloadFile({ fileID }))
    expect(refused.errMsg).toMatch(/^downloadFile:fail storage file not exists/)
    expect((await t.sdk.deleteFile({ fileList: [fileID] })).fileList[0].status).toBe(-503003)
  })

  it('refuses cloud paths with .. or characters CloudBase does not take, and fileIDs of another env', async () => {
    for (const cloudPath of ['../escape.png', 'a/../../escape.png', './a.png', '/abs.png', 'a//b.png', 'dir/', 'a?b.png', 'a%2e.png', 'a b.png']) {
      const refused = await rejection(t.sdk.uploadFile({ cloudPath, fileContent: png(9) }))
      expect(refused.errMsg, cloudPath).toMatch(/^uploadFile:fail cloudPath must/)
    }
    expect(fs.readdirSync(t.dataDir)).not.toContain('escape.png')
    expect(fs.existsSync(path.join(t.dataDir, 'storage/escape.png'))).toBe(false)

    const other = 'cloud://prod-1a2b.7072-prod-1a2b-1250000000/products/p1/cover.png'
    const { fileList } = await t.sdk.getTempFileURL({ fileList: [fileIdOf('../dataDir.png'), other, 'products/p1/cover.png'] })
    expect(fileList.map((f: any) => f.status)).toEqual([-501007, -503002, -501007])

    // `..` and `%2E%2E` segments are resolved as in any URL, so they leave /storage/ altogether; a `..`
    // hidden behind an escaped slash survives URL parsing and is refused.
    expect((await rawGet(t.cloud.url, '/storage/../wal-1.log?sign=0&t=9999999999')).status).toBe(404)
    expect((await rawGet(t.cloud.url, '/storage/%2E%2E/wal-1.log?sign=0&t=9999999999')).status).toBe(404)
    const escaped = await rawGet(t.cloud.url, '/storage/temp/..%2F..%2Fwal-1.log?sign=0&t=9999999999')
    expect(escaped.status).toBe(400)
    expect(escaped.body).toMatch(/<Code>InvalidURI<\/Code>/)

    const tooMany = Array.from({ length: 51 }, (_, i) => fileIdOf(`n/${i}.png`))
    expect((await rejection(t.sdk.getTempFileURL({ fileList: tooMany }))).errMsg).toMatch(/at most 50 files/)
  })

  it('refuses an upload whose authorization was forged, as COS does, and stores nothing', async () => {
    const metadata = await adminCall(t, { action: 'storage.getUploadMetadata', path: 'temp/forged.png', method: 'put' })
    expect(metadata.data).toMatchObject({ fileId: fileIdOf('temp/forged.png'), url: `${t.cloud.url}/storage/temp/forged.png` })

    const forged = metadata.data.authorization.replace(/q-signature=./, 'q-signature=x')
    const response = await fetch(metadata.data.url, { method: 'PUT', headers: { authorization: forged }, body: new Uint8Array(png(10)) })
    expect(response.status).toBe(403)
    expect(await response.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code>[\s\S]*<RequestId>/)
    const elsewhere = await fetch(`${t.cloud.url}/storage/temp/elsewhere.png`, {
      method: 'PUT',
      headers: { authorization: metadata.data.authorization },
      body: new Uint8Array(png(10)),
    })
    expect(elsewhere.status).toBe(403)
    expect((await t.sdk.getTempFileURL({ fileList: [fileIdOf('temp/forged.png'), fileIdOf('temp/elsewhere.png')] })).fileList.map((f: any) => f.status)).toEqual([
      -503003, -503003,
    ])

    const ok = await fetch(metadata.data.url, { method: 'PUT', headers: { authorization: metadata.data.authorization }, body: new Uint8Array(png(10)) })
    expect([ok.status, await ok.text()]).toEqual([200, ''])
  })

  it('redirects GET /storage?fileID=… to a fresh temp URL, so the H5 build can show a cloud:// image', async () => {
    const { fileID } = await t.sdk.uploadFile({ cloudPath: 'h5/图.png', fileContent: png(11) })
    const redirect = await fetch(`${t.cloud.url}/storage?fileID=${encodeURIComponent(fileID)}`, { redirect: 'manual' })
    expect(redirect.status).toBe(302)
    expect(redirect.headers.get('location')).toMatch(/^\/storage\/h5\/%E5%9B%BE\.png\?sign=[0-9a-f]{32}&t=\d+$/)

    const followed = await fetch(`${t.cloud.url}/storage?fileID=${encodeURIComponent(fileID)}`)
    expect(followed.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await followed.arrayBuffer()).equals(png(11))).toBe(true)

    expect((await fetch(`${t.cloud.url}/storage?fileID=${encodeURIComponent(fileIdOf('h5/none.png'))}`)).status).toBe(404)
    expect((await fetch(`${t.cloud.url}/storage?fileID=nonsense`)).status).toBe(400)
  })

  it("takes the H5 build's upload (its wx.cloud.uploadFile) at POST /storage?cloudPath=… as the signed-in user, serves it like any file, and never overwrites one", async () => {
    const upload = (cloudPath: string, body: Buffer, headers: Record<string, string> = { 'x-wx-openid': 'o-hq' }) =>
      fetch(`${t.cloud.url}/storage?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers, body: new Uint8Array(body) })
    const answer = await upload('products/手机.png', png(13))
    expect([answer.status, await answer.json()]).toEqual([200, { fileID: fileIdOf('products/手机.png'), statusCode: 200 }])
    const { fileContent } = await t.sdk.downloadFile({ fileID: fileIdOf('products/手机.png') })
    expect(Buffer.from(fileContent).equals(png(13))).toBe(true)

    const csv = await upload('roster-imports/花名册.csv', Buffer.from('工号,姓名\n'))
    const { fileID } = (await csv.json()) as { fileID: string }
    expect(Buffer.from((await t.sdk.downloadFile({ fileID })).fileContent).toString()).toBe('工号,姓名\n')
    const again = await upload('roster-imports/花名册.csv', Buffer.from('x'))
    expect([again.status, await again.json()]).toEqual([409, { errCode: -1, errMsg: 'uploadFile:fail the file exists and belongs to its creator' }])
    expect(Buffer.from((await t.sdk.downloadFile({ fileID })).fileContent).toString()).toBe('工号,姓名\n')

    expect((await upload('products/nobody.png', png(1), {})).status).toBe(401)
    expect((await upload('products/../x.png', png(1))).status).toBe(400)
    expect((await upload('../escape.csv', Buffer.from('x'))).status).toBe(400)
    expect((await t.sdk.getTempFileURL({ fileList: [fileIdOf('products/nobody.png')] })).fileList[0].status).toBe(-503003)
  })

  it('refuses an upload from another web page or under a foreign Host (DNS rebinding), and stores nothing', async () => {
    const post = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const { hostname, port } = new URL(t.cloud.url)
        http
          .request({ hostname, port, method: 'POST', path: `/storage?cloudPath=${encodeURIComponent('products/evil.png')}`, headers: { 'x-wx-openid': 'o-hq', ...headers } }, (res) => {
            res.resume()
            resolve(res.statusCode!)
          })
          .on('error', reject)
          .end(png(2))
      })
    expect(await post({ origin: 'https://evil.example' })).toBe(403)
    expect(await post({ host: `evil.example:${new URL(t.cloud.url).port}` })).toBe(403)
    expect((await t.sdk.getTempFileURL({ fileList: [fileIdOf('products/evil.png')] })).fileList[0].status).toBe(-503003)
  })

  it('works from inside a cloud function, unmodified', async () => {
    const content = png(12)
    const result = await callAs(t.cloud, 'o-uploader', 'files', 'roundtrip', { cloudPath: 'fn/made.png', content: content.toString('base64') })
    expect(result.fileID).toBe(fileIdOf('fn/made.png'))
    expect(result.tempFileURL).toMatch(new RegExp(`^${t.cloud.url}/storage/fn/made\\.png\\?sign=`))
    expect(Buffer.from(result.content, 'base64').equals(content)).toBe(true)
    expect(result.deleted).toEqual([{ fileID: result.fileID, status: 0, errMsg: 'ok' }])
    expect(result.after[0]).toMatchObject({ status: -503003, tempFileURL: '' })
  })
})

describe('cloud storage across a restart', () => {
  it('keeps files, and temp URLs handed out before, in the same data directory', async () => {
    const dataDir = tempDir('storage-restart')
    const first = await startTestCloud({ dataDir })
    const { fileID } = await first.sdk.uploadFile({ cloudPath: 'kept/cover.png', fileContent: png(13) })
    const [{ tempFileURL }] = (await first.sdk.getTempFileURL({ fileList: [fileID] })).fileList
    await first.close()

    const second = await startTestCloud({ dataDir })
    try {
      expect(Buffer.from((await second.sdk.downloadFile({ fileID })).fileContent).equals(png(13))).toBe(true)
      // Same key, new port: the URL's signature still holds.
      const moved = tempFileURL.replace(first.cloud.url, second.cloud.url)
      expect((await fetch(moved)).status).toBe(200)
      const again = await connectSdk(second.cloud.url)
      expect((await again.getTempFileURL({ fileList: [fileID] })).fileList[0].status).toBe(0)
    } finally {
      await second.close()
    }
  })
})
