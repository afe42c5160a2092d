import { describe, expect, it } from 'vitest'
import { orderContract } from '../../src/contracts/order'
import { REASON_MAX_LENGTH, composeReason, noteRoom } from '../../src/core/reason'

describe("a buyer's reason: a picked reason and their note, one limit for both", () => {
  it.each([
    ['质量问题', '一袋封口破了', '质量问题：一袋封口破了'],
    ['不想要了', '', '不想要了'],
    [null, '  自己写的原因  ', '自己写的原因'],
    ['其他', '   ', '其他'],
    [null, '', ''],
  ])('%s + %j is sent as %j', (picked, note, sent) => {
    expect(composeReason(picked, note)).toBe(sent)
  })

  it('leaves the note the room the picked reason does not take', () => {
    expect(noteRoom(null)).toBe(REASON_MAX_LENGTH)
    expect(noteRoom('质量问题')).toBe(REASON_MAX_LENGTH - 5)
    for (const picked of [null, '不想要了', '商品与描述不符']) {
      expect(composeReason(picked, '茶'.repeat(noteRoom(picked)))).toHaveLength(REASON_MAX_LENGTH)
    }
  })

  it('the contract takes a reason whose note fills the room, and refuses one character more', () => {
    const { input } = orderContract.actions.requestRefund
    const full = composeReason('质量问题', '茶'.repeat(noteRoom('质量问题')))
    expect(input.safeParse({ orderId: 'o1', reason: full }).success).toBe(true)
    expect(input.safeParse({ orderId: 'o1', reason: `${full}茶` }).success).toBe(false)
    expect(orderContract.actions.cancelOrder.input.safeParse({ orderId: 'o1', reason: `${full}茶` }).success).toBe(false)
  })
})
