import { describe, expect, it } from 'vitest'
import { cloneDocument } from '../../../local-cloud/database/engine'

/** The engine hands mingo copies of stored documents, so a pipeline that edits its input never edits the store. */
describe('copying a stored document', () => {
  it('copies every level, Dates and RegExps included, sharing nothing with the original', () => {
    const stored = { _id: 'a', at: new Date(5), pattern: /茶/i, lines: [{ qty: 1, tags: ['x'] }], address: { city: '杭州', geo: null }, n: 0, ok: true }
    const copy = cloneDocument(stored)
    expect(copy).toEqual(stored)
    copy.lines[0].tags.push('y')
    copy.address.city = '上海'
    copy.at.setTime(9)
    expect(stored).toEqual({ _id: 'a', at: new Date(5), pattern: /茶/i, lines: [{ qty: 1, tags: ['x'] }], address: { city: '杭州', geo: null }, n: 0, ok: true })
    expect(copy.pattern).not.toBe(stored.pattern)
  })

  it('keeps a field named __proto__ as a field, never as the copy’s prototype', () => {
    const stored = JSON.parse('{"_id":"b","__proto__":{"admin":true}}')
    const copy = cloneDocument(stored)
    expect(Object.keys(copy)).toEqual(['_id', '__proto__'])
    expect(copy.admin).toBeUndefined()
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
  })
})
