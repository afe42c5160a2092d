import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, freshCollection, startTestCloud } from '../../support/local-cloud'

const WHEN = new Date('2026-01-02T03:04:05.678Z')

const SAMPLE = {
  _id: 'v',
  at: WHEN,
  dates: [WHEN, new Date(0)],
  nestedDate: { inner: { at: WHEN } },
  int: 42,
  negative: -7,
  zero: 0,
  float: 3.14159,
  halfFloat: 25600.5,
  tiny: 1e-7,
  big: 2 ** 40,
  bigNegative: -(2 ** 40),
  maxSafe: Number.MAX_SAFE_INTEGER,
  yes: true,
  no: false,
  nothing: null,
  nulls: [null, 1, null],
  text: '杭州龙井茶 · 一级',
  emoji: 'tea 🍵 cup',
  中文键: '值',
  empty: '',
  emptyObject: {},
  emptyArray: [],
  tree: [{ name: 'a', children: [{ name: 'a1', tags: ['x'] }, { name: 'a2', children: [] }] }, { name: 'b' }],
  matrix: [[1, 2], [3, 4]],
}

describe('EJSON round trips through wx-server-sdk', () => {
  let t: TestCloud
  let c: any
  let _: any
  beforeAll(async () => {
    t = await startTestCloud()
    _ = t.db.command
    c = await freshCollection(t.db, 'ejson')
    await c.add({ data: SAMPLE })
  })
  afterAll(() => t.close())

  it('a document read back with doc().get() equals the one written', async () => {
    expect((await c.doc('v').get()).data).toEqual(SAMPLE)
  })

  it('a document read back with where().get() and aggregate() equals the one written', async () => {
    expect((await c.where({ _id: 'v' }).get()).data).toEqual([SAMPLE])
    expect((await c.aggregate().match({ _id: 'v' }).end()).list).toEqual([SAMPLE])
  })

  it('Date fields come back as Date instances with millisecond precision, also nested and in arrays', async () => {
    const { data } = await c.doc('v').get()
    for (const value of [data.at, data.dates[0], data.dates[1], data.nestedDate.inner.at]) {
      expect(value).toBeInstanceOf(Date)
    }
    expect(data.at.getTime()).toBe(WHEN.getTime())
    expect(data.dates[1].getTime()).toBe(0)
  })

  it('integers and floats come back as the same JS numbers', async () => {
    const { data } = await c.doc('v').get()
    expect([data.int, data.negative, data.zero]).toEqual([42, -7, 0])
    expect(Number.isInteger(data.int)).toBe(true)
    expect(data.float).toBe(3.14159)
    expect(data.halfFloat).toBe(25600.5)
    expect(data.tiny).toBe(1e-7)
  })

  it('very large integers (2**40 and beyond) come back as exact numbers', async () => {
    const { data } = await c.doc('v').get()
    expect(data.big).toBe(2 ** 40)
    expect(data.bigNegative).toBe(-(2 ** 40))
    expect(data.maxSafe).toBe(Number.MAX_SAFE_INTEGER)
    expect(typeof data.big).toBe('number')
  })

  it('very large integers can be queried and incremented exactly', async () => {
    const d = await freshCollection(t.db, 'ejson')
    await d.add({ data: { _id: 'n', big: 2 ** 40 } })
    expect((await d.where({ big: 2 ** 40 }).count()).total).toBe(1)
    expect((await d.where({ big: _.gt(2 ** 40 - 1) }).count()).total).toBe(1)
    await d.doc('n').update({ data: { big: _.inc(2 ** 40) } })
    expect((await d.doc('n').get()).data.big).toBe(2 ** 41)
  })

  it('floats keep full precision through an update', async () => {
    const d = await freshCollection(t.db, 'ejson')
    await d.add({ data: { _id: 'f', x: 0.1 } })
    await d.doc('f').update({ data: { x: _.inc(0.2) } })
    expect((await d.doc('f').get()).data.x).toBe(0.1 + 0.2)
  })

  it('booleans and null come back as booleans and null', async () => {
    const { data } = await c.doc('v').get()
    expect(data.yes).toBe(true)
    expect(data.no).toBe(false)
    expect(data.nothing).toBeNull()
    expect(data.nulls).toEqual([null, 1, null])
  })

  it('booleans and null are matched by equality queries', async () => {
    const d = await freshCollection(t.db, 'ejson')
    await d.add({ data: [{ _id: 't', v: true }, { _id: 'f', v: false }, { _id: 'n', v: null }, { _id: 'm' }] })
    const ids = async (where: unknown) => (await d.where(where).get()).data.map((x: any) => x._id).sort()
    expect(await ids({ v: true })).toEqual(['t'])
    expect(await ids({ v: false })).toEqual(['f'])
    // As in MongoDB, null matches both an explicit null and a missing field.
    expect(await ids({ v: null })).toEqual(['m', 'n'])
    expect(await ids({ v: _.eq(null) })).toEqual(['m', 'n'])
  })

  it('unicode strings and keys (Chinese, emoji) come back unchanged and can be queried', async () => {
    const { data } = await c.doc('v').get()
    expect(data.text).toBe('杭州龙井茶 · 一级')
    expect(data.emoji).toBe('tea 🍵 cup')
    expect(data['中文键']).toBe('值')
    expect((await c.where({ text: '杭州龙井茶 · 一级' }).count()).total).toBe(1)
    expect((await c.where({ text: t.db.RegExp({ regexp: '龙井' }) }).count()).total).toBe(1)
  })

  it('nested arrays of objects, empty objects and empty arrays keep their shape', async () => {
    const { data } = await c.doc('v').get()
    expect(data.tree).toEqual(SAMPLE.tree)
    expect(data.matrix).toEqual([[1, 2], [3, 4]])
    expect(data.emptyObject).toEqual({})
    expect(data.emptyArray).toEqual([])
    expect(data.empty).toBe('')
  })

  it('values written by update and set round trip like values written by add', async () => {
    const d = await freshCollection(t.db, 'ejson')
    await d.add({ data: { _id: 'u' } })
    const { _id: _ignored, ...fields } = SAMPLE
    await d.doc('u').update({ data: { copy: _.set(fields) } })
    await d.doc('s').set({ data: fields })
    expect((await d.doc('u').get()).data.copy).toEqual(fields)
    expect((await d.doc('s').get()).data).toEqual({ _id: 's', ...fields })
  })
})
