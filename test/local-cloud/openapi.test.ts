import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, callAs, startTestCloud, tempDir } from '../support/local-cloud'

/** The text of the QR code in a PNG, or null when none is found. */
function readQr(image: Buffer): string | null {
  const png = PNG.sync.read(image)
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

/** The page and scene a local code opens, by the URL form the README documents. */
function opens(image: Buffer): { page: string; scene: string | null } {
  const text = readQr(image)
  if (text === null) throw new Error('no QR code in the image')
  const url = new URL(text)
  expect(url.origin).toBe('https://everyshop.local')
  return { page: url.pathname.slice(1), scene: url.searchParams.get('scene') }
}

/** The error the SDK throws, as `{ errCode, errMsg }`. */
async function refusal(call: Promise<unknown>): Promise<{ errCode: number; errMsg: string }> {
  const error: any = await call.then(
    () => {
      throw new Error('the call was not refused')
    },
    (thrown) => thrown,
  )
  return { errCode: error.errCode, errMsg: error.errMsg }
}

/**
 * A cloud function that makes a share code, deployed the way WeChat wants it: the API listed under
 * `permissions.openapi` in its config.json. Written out here, plain JavaScript, so it needs no bundling.
 */
function writeShareCodeFunction(root: string, name = 'sharecode', openapi = ['wxacode.getUnlimited']): void {
  const dir = path.join(root, name)
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true })
  fs.symlinkSync(path.dirname(require.resolve('wx-server-sdk/package.json')), path.join(dir, 'node_modules', 'wx-server-sdk'), 'dir')
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ permissions: { openapi } }))
  fs.writeFileSync(
    path.join(dir, 'index.js'),
    `const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async (event) => {
  try {
    const { contentType, buffer } = await cloud.openapi.wxacode.getUnlimited(event.payload)
    return { contentType, image: buffer.toString('base64') }
  } catch (error) {
    return { thrown: { errCode: error.errCode, errMsg: error.errMsg } }
  }
}
`,
  )
}

describe('wxacode.getUnlimited in the local cloud', () => {
  let t: TestCloud
  const getUnlimited = (params: Record<string, unknown>) => t.sdk.openapi.wxacode.getUnlimited(params)

  beforeAll(async () => {
    const functionsRoot = tempDir('openapi-functions')
    writeShareCodeFunction(functionsRoot)
    writeShareCodeFunction(functionsRoot, 'unlisted', [])
    t = await startTestCloud({ functionsRoot })
  })
  afterAll(() => t.close())

  it('answers a PNG of the default 430 px whose QR code opens the page with the scene', async () => {
    const answer = await getUnlimited({ scene: 'c=Ab12x9', page: 'pages/product/index' })
    expect(answer).toMatchObject({ errCode: 0, contentType: 'image/png' })
    expect(Buffer.isBuffer(answer.buffer)).toBe(true)
    const png = PNG.sync.read(answer.buffer)
    expect([png.width, png.height]).toEqual([430, 430])
    expect(opens(answer.buffer)).toEqual({ page: 'pages/product/index', scene: 'c=Ab12x9' })
  })

  it('accepts 32 characters from WeChat’s whole set, and a subpackage page', async () => {
    const scene = "09azAZ!#$&'()*+,/:;=?@-._~c=1234"
    expect(scene).toHaveLength(32)
    const answer = await getUnlimited({ scene, page: 'package-orders/pages/detail/index' })
    expect(opens(answer.buffer)).toEqual({ page: 'package-orders/pages/detail/index', scene })
  })

  it('refuses a scene of 33 characters, an empty one and characters outside the set with 40169', async () => {
    for (const scene of ['s'.repeat(33), '', 'c=50%', 'c=茶', 'c 1']) {
      const { errCode, errMsg } = await refusal(getUnlimited({ scene, page: 'pages/index/index' }))
      expect(errCode, scene).toBe(40169)
      expect(errMsg).toMatch(/^openapi\.wxacode\.getUnlimited:fail invalid length for scene/)
    }
  })

  it('refuses a page the app does not have with 41030, unless checkPath is false', async () => {
    for (const page of ['pages/nowhere/index', '/pages/product/index', 'pages/product/index?id=1']) {
      const { errCode, errMsg } = await refusal(getUnlimited({ scene: 'c=1', page }))
      expect(errCode, page).toBe(41030)
      expect(errMsg).toMatch(/^openapi\.wxacode\.getUnlimited:fail invalid page rid: /)
    }
    // A long page also makes the protobuf request longer than 127 bytes: its length needs a second byte.
    const unpublished = `pages/${'draft'.repeat(20)}/index`
    const answer = await getUnlimited({ scene: 'c=1', page: unpublished, checkPath: false, envVersion: 'develop' })
    expect(opens(answer.buffer)).toEqual({ page: unpublished, scene: 'c=1' })
  })

  it('opens the home page when no page is given', async () => {
    const answer = await getUnlimited({ scene: 'c=home' })
    expect(opens(answer.buffer)).toEqual({ page: 'pages/index/index', scene: 'c=home' })
  })

  it('draws 280 to 1280 px exactly and refuses widths outside that, or a fraction, with 40097', async () => {
    for (const width of [280, 1280]) {
      const answer = await getUnlimited({ scene: 'c=w', page: 'pages/index/index', width })
      const png = PNG.sync.read(answer.buffer)
      expect([png.width, png.height]).toEqual([width, width])
      expect(opens(answer.buffer).scene).toBe('c=w')
    }
    for (const width of [279, 1281, 430.5]) {
      expect((await refusal(getUnlimited({ scene: 'c=w', width }))).errCode, String(width)).toBe(40097)
    }
  })

  it('refuses an env_version WeChat does not have with 40097', async () => {
    expect((await refusal(getUnlimited({ scene: 'c=1', envVersion: 'beta' }))).errCode).toBe(40097)
    await expect(getUnlimited({ scene: 'c=1', envVersion: 'trial' })).resolves.toMatchObject({ errCode: 0 })
  })

  it('draws the line colour, and a transparent background when asked', async () => {
    const answer = await getUnlimited({ scene: 'c=1', lineColor: { r: 47, g: 107, b: '79' }, isHyaline: true })
    const { data } = PNG.sync.read(answer.buffer)
    const pixels = Array.from({ length: data.length / 4 }, (_, i) => [...data.subarray(i * 4, i * 4 + 4)].join(','))
    expect(new Set(pixels)).toEqual(new Set(['47,107,79,255', '255,255,255,0']))
  })

  it('works from a cloud function, which records the user it serves', async () => {
    const made = await callAs(t.cloud, 'o-sharer', 'sharecode', 'make', { scene: 'c=fn1', page: 'pages/product/index' })
    expect(made.contentType).toBe('image/png')
    expect(opens(Buffer.from(made.image, 'base64'))).toEqual({ page: 'pages/product/index', scene: 'c=fn1' })

    const refused = await callAs(t.cloud, 'o-sharer', 'sharecode', 'make', { scene: 's'.repeat(33) })
    expect(refused.thrown.errCode).toBe(40169)

    const [made1, refused1] = t.cloud.openapi.calls('wxacode.getUnlimited').slice(-2)
    expect(made1).toMatchObject({
      errcode: 0,
      caller: { openid: 'o-sharer', source: 'wx_client' },
      params: { scene: 'c=fn1', page: 'pages/product/index' },
      image: { contentType: 'image/png', content: 'https://everyshop.local/pages/product/index?scene=c%3Dfn1' },
    })
    expect(refused1).toMatchObject({ errcode: 40169, caller: { openid: 'o-sharer' } })
  })

  it('records every call, as WeChat receives it, and calls from outside a function without a caller', async () => {
    const before = t.cloud.openapi.calls().length
    await getUnlimited({ scene: 'c=rec', page: 'pages/cart/index', checkPath: true, width: 300 })
    await refusal(getUnlimited({ scene: 's'.repeat(33) }))
    const calls = t.cloud.openapi.calls()
    expect(calls).toHaveLength(before + 2)
    expect(calls[before]).toMatchObject({
      apiName: 'wxacode.getUnlimited',
      params: { scene: 'c=rec', page: 'pages/cart/index', check_path: true, width: 300 },
      errcode: 0,
      image: { contentType: 'image/png' },
    })
    expect(calls[before].caller).toBeUndefined()
    expect(calls[before + 1]).toMatchObject({ errcode: 40169, errmsg: expect.stringMatching(/^invalid length for scene/) })
  })

  it('refuses an open API it does not emulate as the cloud refuses an invalid call', async () => {
    const { errCode, errMsg } = await refusal(t.sdk.openapi.wxacode.get({ path: 'pages/index/index' }))
    expect(errCode).toBe(-501007)
    expect(errMsg).toMatch(/wxacode\.get is not supported by the local cloud/)
  })

  it('a function that does not list the API in its config.json permissions.openapi is refused, as in the cloud', async () => {
    const refused = await callAs(t.cloud, 'o-sharer', 'unlisted', 'make', { scene: 'c=fn2', page: 'pages/product/index' })
    expect(refused).toEqual({ thrown: { errCode: -604101, errMsg: expect.stringContaining('-604101') } })
  })
})

describe('wxacode.getUnlimited with its own pages and a small quota', () => {
  let t: TestCloud
  beforeAll(async () => {
    t = await startTestCloud({ openapi: { pages: ['pages/a/index', 'pages/b/index'], getUnlimitedPerMinute: 3 } })
  })
  afterAll(() => t.close())

  it('checks pages against the list given, home first, and answers 45009 past the quota without counting the refusal', async () => {
    const getUnlimited = (params: Record<string, unknown>) => t.sdk.openapi.wxacode.getUnlimited(params)
    expect(opens((await getUnlimited({ scene: 'q=1' })).buffer).page).toBe('pages/a/index')
    expect(opens((await getUnlimited({ scene: 'q=2', page: 'pages/b/index' })).buffer).page).toBe('pages/b/index')
    // A call refused for its arguments still uses the quota.
    expect((await refusal(getUnlimited({ scene: 'q=3', page: 'pages/index/index' }))).errCode).toBe(41030)
    for (let i = 0; i < 2; i++) {
      const { errCode, errMsg } = await refusal(getUnlimited({ scene: 'q=4', page: 'pages/a/index' }))
      expect(errCode).toBe(45009)
      expect(errMsg).toMatch(/reach max api minute quota/)
    }

    const response = await fetch(`${t.cloud.url}/dev/openapi/calls?apiName=wxacode.getUnlimited`)
    const { calls } = (await response.json()) as { calls: Array<{ errcode: number; at: string }> }
    expect(calls.map((call) => call.errcode)).toEqual([0, 0, 41030, 45009, 45009])
    expect(Number.isNaN(Date.parse(calls[0].at))).toBe(false)
  })
})
