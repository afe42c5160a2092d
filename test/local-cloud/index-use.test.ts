import { describe, expect, it } from 'vitest'
import { servingIndex } from '../../local-cloud/database/index-use'
import type { IndexSpec } from '../../local-cloud/database/indexes'

const indexes: IndexSpec[] = [
  { name: 'status_expiresAt', fields: { status: 1, expiresAt: 1 } },
  { name: 'buyer_createdAt', fields: { buyerOpenid: 1, createdAt: -1 } },
  { name: 'refundStatus', fields: { 'refund.status': 1 } },
  { name: 'lastSeenAt', fields: { lastSeenAt: -1 } },
]

describe("which declared index serves a query, by MongoDB's rule", () => {
  it.each<[string, Record<string, unknown> | undefined, Record<string, 1 | -1> | undefined, string | undefined]>([
    ['equality on the first field', { status: 'paid' }, undefined, 'status_expiresAt'],
    ['$in on the first field', { status: { $in: ['paid', 'shipped'] } }, undefined, 'status_expiresAt'],
    ['a range on the first field', { buyerOpenid: { $gt: 'o-' } }, undefined, 'buyer_createdAt'],
    ['an anchored regex on the first field', { buyerOpenid: /^o-/ }, undefined, 'buyer_createdAt'],
    ['_id, always indexed', { _id: 'x', remark: 'y' }, undefined, '_id_'],
    ['a dotted path', { 'refund.status': 'approved' }, undefined, 'refundStatus'],
    ['a nested object read as a path', { refund: { status: 'approved' } }, undefined, 'refundStatus'],
    ['a condition inside $and', { $and: [{ remark: '' }, { status: 'paid' }] }, undefined, 'status_expiresAt'],
    ['an $or whose branches are each served', { $or: [{ status: 'paid' }, { buyerOpenid: 'o-1' }] }, undefined, 'status_expiresAt | buyer_createdAt'],
    ['no condition, sorted by an index', undefined, { lastSeenAt: -1 }, 'lastSeenAt'],
    ['only the second field of an index', { expiresAt: { $lte: new Date() } }, undefined, undefined],
    ['$ne on the first field', { status: { $ne: 'paid' } }, undefined, undefined],
    ['$nin on the first field', { status: { $nin: ['paid'] } }, undefined, undefined],
    ['an unanchored regex', { buyerOpenid: /o-/ }, undefined, undefined],
    ['an $or with an unserved branch', { $or: [{ status: 'paid' }, { remark: 'x' }] }, undefined, undefined],
    ['an unindexed field, sorted by an index', { remark: 'x' }, { lastSeenAt: -1 }, undefined],
    ['nothing at all', undefined, undefined, undefined],
  ])('%s', (_case, query, order, served) => {
    expect(servingIndex(query, order, indexes)).toBe(served)
  })
})
