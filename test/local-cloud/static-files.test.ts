import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, startTestCloud, tempDir } from '../support/local-cloud'

/** The H5 build as `npm start` serves it: compressed, hashed files immutable, index.html revalidated. */
describe('static files', () => {
  let t: TestCloud
  const dir = tempDir('static')
  const script = `console.log(${JSON.stringify('云岭茶舍 '.repeat(400))})\n`
  const page = `<!doctype html><html><body>${'<div>茶</div>'.repeat(200)}<script src="/js/app.1a2b3c4d.js"></script></body></html>`
  beforeAll(async () => {
    fs.mkdirSync(path.join(dir, 'js'))
    fs.writeFileSync(path.join(dir, 'js/app.1a2b3c4d.js'), script)
    fs.writeFileSync(path.join(dir, 'index.html'), page)
    fs.writeFileSync(path.join(dir, 'tiny.txt'), 'hi')
    t = await startTestCloud({ staticRoots: [{ prefix: '/', dir }] })
  })
  afterAll(() => t.close())

  const get = (file: string, headers: Record<string, string> = {}) => fetch(`${t.cloud.url}${file}`, { headers })
  /** Node's fetch decodes what it is sent; the raw bytes show what went over the wire. */
  const raw = async (response: Response) => Buffer.from(await response.arrayBuffer())

  it('sends brotli to a browser that accepts it, else gzip, else the file as it is', async () => {
    const br = await new Promise<Buffer>((resolve, reject) =>
      http.get(`${t.cloud.url}/js/app.1a2b3c4d.js`, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (res) => {
        expect(res.headers['content-encoding']).toBe('br')
        expect(res.headers.vary).toBe('Accept-Encoding')
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject)
      }),
    )
    expect(br.length).toBeLessThan(Buffer.byteLength(script) / 4)
    expect(zlib.brotliDecompressSync(br).toString()).toBe(script)

    const gzipped = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip' })
    expect(gzipped.headers.get('content-encoding')).toBe('gzip')
    expect(await gzipped.text()).toBe(script)

    const plain = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'identity' })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect((await raw(plain)).toString()).toBe(script)
  })

  it('leaves a file too small to gain from compression as it is', async () => {
    const tiny = await get('/tiny.txt', { 'accept-encoding': 'br' })
    expect(tiny.headers.get('content-encoding')).toBeNull()
    expect(await tiny.text()).toBe('hi')
  })

  it('lets a browser keep a content-hashed file for a year without asking again', async () => {
    const response = await get('/js/app.1a2b3c4d.js')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('has index.html revalidated: 304 with no body while it is unchanged, the new page once it changes', async () => {
    const first = await get('/', { 'accept-encoding': 'br' })
    expect(first.headers.get('cache-control')).toBe('no-cache')
    const etag = first.headers.get('etag')!
    expect(await first.text()).toBe(page)

    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect((await raw(again)).length).toBe(0)

    fs.writeFileSync(path.join(dir, 'index.html'), page.replace('茶', '茗'))
    const changed = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect(await changed.text()).toContain('茗')
  })
})
