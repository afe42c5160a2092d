import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { shareCodeInput } from '../../src/contracts/share-code'
import {
  SHARE_CODE_ALPHABET,
  SHARE_CODE_LENGTH,
  SHARE_PAGES,
  ShareTarget,
  generateShareCode,
  isShareCode,
  qrCodeRequest,
  readShareCode,
  shareCodeFromQuery,
  shareKeyOf,
  sharePath,
  shareTargetOf,
  shareTimelineQuery,
} from '../../src/core/share-code'

/** A seeded generator, so a failing round is the same round on the next run. */
function seeded(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

/** The query of a path or a query string, as a page receives it (values still URL-encoded, as WeChat hands them over). */
function queryOf(pathOrQuery: string): Record<string, string> {
  const query = pathOrQuery.includes('?') ? pathOrQuery.slice(pathOrQuery.indexOf('?') + 1) : pathOrQuery
  return Object.fromEntries(query.split('&').map((pair) => pair.split('=') as [string, string]))
}

const product: ShareTarget = { page: 'product', productId: 'longjing-2026' }
const shop: ShareTarget = { page: 'shop', shopId: 'shop-ann' }

describe('share codes', () => {
  it('are ten URL-safe symbols from the alphabet, well under the 32 a scene holds', () => {
    const random = seeded(7)
    for (let round = 0; round < 1000; round++) {
      const code = generateShareCode(random)
      expect(code).toMatch(/^[a-z0-9]{10}$/)
      expect([...code].every((c) => SHARE_CODE_ALPHABET.includes(c))).toBe(true)
      expect(encodeURIComponent(code)).toBe(code)
      expect(isShareCode(code)).toBe(true)
    }
  })

  it('leave out symbols people confuse: 0 o 1 l', () => {
    expect(SHARE_CODE_ALPHABET).toHaveLength(32)
    expect(SHARE_CODE_ALPHABET).not.toMatch(/[0o1l]/)
  })

  it('use the whole alphabet at both ends of the random range', () => {
    expect(generateShareCode(() => 0).slice(0, 9)).toBe('222222222')
    expect(generateShareCode(() => 0.999999999).slice(0, 9)).toBe('zzzzzzzzz')
    // A generator that returns 1 (out of contract) still gives a code.
    expect(isShareCode(generateShareCode(() => 1))).toBe(true)
  })

  it('come back whole from every place a share carries them: scene, chat path, Moments query', () => {
    const random = seeded(42)
    for (let round = 0; round < 500; round++) {
      const code = generateShareCode(random)
      expect(shareCodeFromQuery({ scene: encodeURIComponent(code) })).toBe(code)
      expect(shareCodeFromQuery(queryOf(sharePath(product, code)))).toBe(code)
      expect(shareCodeFromQuery(queryOf(sharePath(shop, code)))).toBe(code)
      expect(shareCodeFromQuery(queryOf(shareTimelineQuery(product, code)))).toBe(code)
      expect(readShareCode(qrCodeRequest(product, code).scene)).toBe(code)
      // Taro's H5 router hands the query over decoded.
      expect(shareCodeFromQuery({ sc: decodeURIComponent(code) })).toBe(code)
    }
  })

  it('any single wrong symbol is caught before the database is asked', () => {
    const code = generateShareCode(seeded(3))
    let caught = 0
    for (let i = 0; i < SHARE_CODE_LENGTH; i++) {
      for (const symbol of SHARE_CODE_ALPHABET) {
        if (symbol === code[i]) continue
        expect(isShareCode(code.slice(0, i) + symbol + code.slice(i + 1)), `${i}:${symbol}`).toBe(false)
        caught++
      }
    }
    expect(caught).toBe(SHARE_CODE_LENGTH * 31)
  })

  const valid = generateShareCode(seeded(11))

  it.each([
    ['nothing', undefined],
    ['empty', ''],
    ['too short', valid.slice(0, 9)],
    ['too long', `${valid}2`],
    ['a symbol outside the alphabet', `${valid.slice(0, 9)}0`],
    ['two ids where a code belongs', 'shop-ann,longjing'],
    ['a key=value scene', `sc=${valid}`],
    ['Chinese, URL-encoded', encodeURIComponent('分享码分享码分享码分')],
    ['a broken escape', '%E4%B'],
    ['a 32-character scene of something else', 'x'.repeat(32)],
  ])('a scene of %s is not a share code', (_what, scene) => {
    expect(readShareCode(scene)).toBeNull()
    expect(shareCodeFromQuery({ scene })).toBeNull()
  })

  it('forgive case and stray space', () => {
    expect(readShareCode(` ${valid.toUpperCase()} `)).toBe(valid)
    expect(readShareCode(encodeURIComponent(` ${valid} `))).toBe(valid)
  })

  it('a chat or Moments code wins over a scene; no query, no code', () => {
    const other = generateShareCode(seeded(12))
    expect(shareCodeFromQuery({ sc: valid, scene: other })).toBe(valid)
    expect(shareCodeFromQuery({ sc: 'garbage', scene: other })).toBe(other)
    expect(shareCodeFromQuery({ id: 'longjing-2026' })).toBeNull()
    expect(shareCodeFromQuery(undefined)).toBeNull()
  })

  it('as a function payload, a code is checked by the schema, naming the code the client has words for', () => {
    expect(shareCodeInput.parse(` ${valid.toUpperCase()}`)).toBe(valid)
    expect(shareCodeInput.safeParse('nope').error?.issues[0].message).toBe('SHARE_CODE_INVALID')
  })
})

describe('where a share lands', () => {
  const code = 'k3m9x2hq7c'

  it('a chat share opens the product or shop page with its id and the code', () => {
    expect(sharePath(product, code)).toBe('/pages/product/index?id=longjing-2026&sc=k3m9x2hq7c')
    expect(sharePath(shop, code)).toBe('/pages/shop/index?id=shop-ann&sc=k3m9x2hq7c')
    expect(sharePath({ page: 'product', productId: 'a&b=c' }, code)).toBe('/pages/product/index?id=a%26b%3Dc&sc=k3m9x2hq7c')
  })

  it('a Moments share is a query for the same page, not a path', () => {
    expect(shareTimelineQuery(product, code)).toBe('id=longjing-2026&sc=k3m9x2hq7c')
    expect(shareTimelineQuery(shop, code)).not.toContain('/')
  })

  it('a poster asks for a bare page and the code as the whole scene', () => {
    expect(qrCodeRequest(product, code)).toEqual({ page: 'pages/product/index', scene: code })
    expect(qrCodeRequest(shop, code)).toEqual({ page: 'pages/shop/index', scene: code })
    expect(qrCodeRequest(shop, code).scene.length).toBeLessThanOrEqual(32)
  })

  it('a share of a product lands on the product, a share of the shop on its home', () => {
    expect(shareTargetOf({ shopId: 'shop-ann', productId: 'longjing-2026' })).toEqual(product)
    expect(shareTargetOf({ shopId: 'shop-ann', productId: null })).toEqual(shop)
  })

  it('one code per shop, product, sharer and channel', () => {
    const share = { shopId: 'shop-ann', productId: 'longjing-2026', sharerOpenid: 'o-ann', channel: 'chat' as const }
    expect(shareKeyOf(share)).toBe(shareKeyOf({ ...share }))
    for (const change of [{ shopId: 'shop-bo' }, { productId: null }, { sharerOpenid: 'o-friend' }, { channel: 'poster' as const }]) {
      expect(shareKeyOf({ ...share, ...change })).not.toBe(shareKeyOf(share))
    }
  })

  it('the landing pages are in the main package, where a share can open them (the shop home once it exists)', () => {
    const config = readFileSync(path.resolve(__dirname, '../../src/app.config.ts'), 'utf8')
    const main = config.slice(config.indexOf('pages: ['), config.indexOf(']', config.indexOf('pages: [')))
    expect(main).toContain(`'${SHARE_PAGES.product}'`)
    const listedAnywhere = config.includes(`'pages/shop/index'`)
    if (listedAnywhere) expect(main).toContain(`'${SHARE_PAGES.shop}'`)
  })
})
