import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, freshCollection, startTestCloud } from '../../support/local-cloud'

const day = (iso: string) => new Date(`${iso}T00:00:00Z`)

// One read-only collection for every query; each test names the exact documents it must match.
const DOCS = [
  {
    _id: 'a', n: 1, name: 'Longjing', flag: true, tags: ['green', 'tea'], made: day('2024-01-10'),
    meta: { origin: 'zhejiang', grade: 1 }, items: [{ k: 1, q: 2 }, { k: 2, q: 5 }], nums: [1, 2], mixed: [1, 2],
  },
  {
    _id: 'b', n: 2, name: 'long island', flag: false, tags: ['black', 'tea'], made: day('2024-03-01'),
    meta: { origin: 'fujian', grade: 2 }, items: [{ k: 1, q: 9 }], nums: [5, 9], mixed: [{ k: 1 }],
  },
  {
    _id: 'c', n: 3, name: 'Puer', tags: ['tea'], made: day('2023-12-31'), note: null,
    meta: { origin: 'yunnan', grade: 1, extra: 'x' }, items: [], nums: [1, 2, 3],
  },
  { _id: 'd', n: -1, name: 'cup', tags: ['ware'], made: day('2024-06-01'), meta: { origin: 'jiangxi' }, items: [{ k: 3, q: 1 }] },
  { _id: 'e', n: 0, name: 'TEAPOT', tags: [], nums: 7 },
  { _id: 'f', name: 'gift card' },
]

describe('query operators through wx-server-sdk', () => {
  let t: TestCloud
  let c: any
  let _: any
  beforeAll(async () => {
    t = await startTestCloud()
    _ = t.db.command
    c = await freshCollection(t.db, 'query')
    await c.add({ data: DOCS })
  })
  afterAll(() => t.close())

  async function ids(where: unknown): Promise<string[]> {
    const { data } = await c.where(where).get()
    return data.map((d: any) => d._id).sort()
  }

  it('where with a plain value matches equal fields', async () => {
    expect(await ids({ name: 'cup' })).toEqual(['d'])
  })

  it('where with _.eq matches equal values only', async () => {
    expect(await ids({ n: _.eq(2) })).toEqual(['b'])
  })

  it('where with _.neq matches every other value, including documents without the field', async () => {
    expect(await ids({ n: _.neq(1) })).toEqual(['b', 'c', 'd', 'e', 'f'])
  })

  it('where with _.gt matches strictly greater values', async () => {
    expect(await ids({ n: _.gt(1) })).toEqual(['b', 'c'])
  })

  it('where with _.gte matches greater or equal values', async () => {
    expect(await ids({ n: _.gte(1) })).toEqual(['a', 'b', 'c'])
  })

  it('where with _.lt matches strictly smaller values', async () => {
    expect(await ids({ n: _.lt(0) })).toEqual(['d'])
  })

  it('where with _.lte matches smaller or equal values', async () => {
    expect(await ids({ n: _.lte(0) })).toEqual(['d', 'e'])
  })

  it('where with _.in matches any of the listed values', async () => {
    expect(await ids({ n: _.in([1, 3, 99]) })).toEqual(['a', 'c'])
  })

  it('where with _.in on an array field matches when any element is listed', async () => {
    expect(await ids({ tags: _.in(['ware', 'black']) })).toEqual(['b', 'd'])
  })

  it('where with _.nin matches none of the listed values, including documents without the field', async () => {
    expect(await ids({ n: _.nin([1, 3]) })).toEqual(['b', 'd', 'e', 'f'])
  })

  it('where with _.and([...]) matches documents satisfying every condition', async () => {
    expect(await ids(_.and([{ n: _.gt(0) }, { flag: true }]))).toEqual(['a'])
  })

  it('a field-level _.gt().and(_.lt()) matches values inside the range', async () => {
    expect(await ids({ n: _.gt(0).and(_.lt(3)) })).toEqual(['a', 'b'])
  })

  it('several fields in one where must all match', async () => {
    expect(await ids({ tags: 'tea', 'meta.grade': 1 })).toEqual(['a', 'c'])
  })

  it('where with _.or([...]) as the whole query matches documents satisfying any condition', async () => {
    expect(await ids(_.or([{ n: 3 }, { 'meta.origin': 'fujian' }]))).toEqual(['b', 'c'])
  })

  it('a field-level _.gt().or(_.lt()) matches values outside the range', async () => {
    expect(await ids({ n: _.gt(2).or(_.lt(0)) })).toEqual(['c', 'd'])
  })

  it('where with _.nor([...]) matches documents satisfying none of the conditions', async () => {
    expect(await ids(_.nor([{ n: _.gt(0) }, { name: 'cup' }]))).toEqual(['e', 'f'])
  })

  it('where with _.not(...) negates a field condition, including documents without the field', async () => {
    expect(await ids({ n: _.not(_.gt(1)) })).toEqual(['a', 'd', 'e', 'f'])
  })

  it('where with _.exists(true) matches documents having the field, even when it is null', async () => {
    expect(await ids({ note: _.exists(true) })).toEqual(['c'])
  })

  it('where with _.exists(false) matches documents lacking the field', async () => {
    expect(await ids({ meta: _.exists(false) })).toEqual(['e', 'f'])
  })

  it('where with _.size matches arrays of exactly that length', async () => {
    expect(await ids({ tags: _.size(2) })).toEqual(['a', 'b'])
    expect(await ids({ tags: _.size(0) })).toEqual(['e'])
  })

  it('where with _.elemMatch requires one element to satisfy every field condition', async () => {
    expect(await ids({ items: _.elemMatch({ k: 1, q: _.gt(3) }) })).toEqual(['b'])
  })

  it('where with _.elemMatch of operator conditions tests the elements themselves', async () => {
    expect(await ids({ nums: _.elemMatch(_.gt(4)) })).toEqual(['b'])
  })

  it('_.elemMatch with field conditions does not match plain values in arrays', async () => {
    expect(await ids({ mixed: _.elemMatch({ k: 1 }) })).toEqual(['b'])
  })

  it('where with _.all matches arrays containing every listed value', async () => {
    expect(await ids({ tags: _.all(['tea', 'green']) })).toEqual(['a'])
    expect(await ids({ tags: _.all(['tea']) })).toEqual(['a', 'b', 'c'])
  })

  it("db.RegExp with options 'i' matches case-insensitively", async () => {
    expect(await ids({ name: t.db.RegExp({ regexp: '^long', options: 'i' }) })).toEqual(['a', 'b'])
    expect(await ids({ name: t.db.RegExp({ regexp: '^long' }) })).toEqual(['b'])
  })

  it('a JavaScript RegExp literal matches like db.RegExp', async () => {
    expect(await ids({ name: /^tea/i })).toEqual(['e'])
  })

  it("a dotted path 'a.b' matches a field of an embedded document", async () => {
    expect(await ids({ 'meta.origin': 'fujian' })).toEqual(['b'])
  })

  it('a nested object in where matches field by field, not the whole embedded document', async () => {
    // The SDK flattens { meta: { grade: 1 } } into { 'meta.grade': 1 }, so c's extra field does not matter.
    expect(await ids({ meta: { grade: 1 } })).toEqual(['a', 'c'])
  })

  it('a nested object may hold commands for its fields', async () => {
    expect(await ids({ meta: { grade: _.gt(1) } })).toEqual(['b'])
  })

  it('_.eq with an object matches the whole embedded document exactly', async () => {
    expect(await ids({ meta: _.eq({ origin: 'zhejiang', grade: 1 }) })).toEqual(['a'])
    expect(await ids({ meta: _.eq({ grade: 1 }) })).toEqual([])
  })

  it('an array value matches the exact array, in order', async () => {
    expect(await ids({ tags: ['green', 'tea'] })).toEqual(['a'])
    expect(await ids({ tags: ['tea', 'green'] })).toEqual([])
  })

  it('a plain value on an array field matches arrays containing it', async () => {
    expect(await ids({ tags: 'tea' })).toEqual(['a', 'b', 'c'])
  })

  it('a dotted path through an array of documents matches any element', async () => {
    expect(await ids({ 'items.k': 3 })).toEqual(['d'])
  })

  it('where with _.mod matches values with the given remainder', async () => {
    expect(await ids({ n: _.mod(2, 1) })).toEqual(['a', 'c'])
  })

  it('where with _.expr compares fields of the same document', async () => {
    const $ = _.aggregate
    expect(await ids(_.and([{ n: _.exists(true) }, _.expr($.eq(['$n', '$meta.grade']))]))).toEqual(['a', 'b'])
  })

  it('Date values compare chronologically', async () => {
    expect(await ids({ made: _.gt(day('2024-01-01')).and(_.lt(day('2024-05-01'))) })).toEqual(['a', 'b'])
    expect(await ids({ made: _.lte(day('2023-12-31')) })).toEqual(['c'])
  })

  it('a Date value matches the same instant exactly', async () => {
    expect(await ids({ made: day('2024-03-01') })).toEqual(['b'])
  })

  it('orderBy on a Date field sorts chronologically', async () => {
    const { data } = await c.where({ made: _.exists(true) }).orderBy('made', 'desc').get()
    expect(data.map((d: any) => d._id)).toEqual(['d', 'b', 'a', 'c'])
  })

  it('count applies the same query semantics as get', async () => {
    expect((await c.where({ n: _.gt(2).or(_.lt(0)) }).count()).total).toBe(2)
    expect((await c.where({ tags: 'tea' }).count()).total).toBe(3)
  })
})
