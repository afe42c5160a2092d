import { describe, expect, it } from 'vitest'
import { TransferState, Withdrawal, askTransfer, decideWithdrawal, followTransfer, transferRefused } from '../../src/core/withdrawal'

const AT = new Date('2026-11-20T02:00:00Z')
const LATER = new Date('2026-11-20T03:00:00Z')

const withdrawal = (change: Partial<Withdrawal> = {}): Withdrawal => ({
  _id: 'W0123456789abcdef0123456789abcde',
  shopId: 'shop-1',
  payeeOpenid: 'o-emp',
  amountFen: 5000,
  requestKey: 'o-emp:req-1',
  status: 'reviewing',
  requestedAt: AT,
  day: '2026-11-20',
  updatedAt: AT,
  ...change,
})

const asked = (change: Partial<Withdrawal> = {}) => {
  const approved = decideWithdrawal(withdrawal(), { approve: true }, 'o-hq', AT)
  if (!approved.ok) throw new Error('not approved')
  const w = askTransfer(approved.data.withdrawal, AT)
  if (!w.ok) throw new Error('not asked')
  return { ...w.data, ...change }
}

describe('HQ decides a withdrawal under review, once', () => {
  it('approving starts the transfer; rejecting ends it and gives the money back', () => {
    expect(decideWithdrawal(withdrawal(), { approve: true }, 'o-hq', AT)).toMatchObject({ ok: true, data: { withdrawal: { status: 'transferring', decidedBy: 'o-hq' }, reversal: null } })
    expect(decideWithdrawal(withdrawal(), { approve: false, reason: '信息不符' }, 'o-hq', AT)).toMatchObject({
      ok: true,
      data: { withdrawal: { status: 'rejected', rejectReason: '信息不符', endedAt: AT }, reversal: 'rejected' },
    })
  })

  it.each(['transferring', 'awaiting_confirm', 'paid', 'rejected', 'failed', 'expired'] as const)('a withdrawal %s cannot be decided again', (status) => {
    expect(decideWithdrawal(withdrawal({ status }), { approve: true }, 'o-hq', AT)).toMatchObject({ ok: false, error: { code: 'WITHDRAWAL_ILLEGAL_TRANSITION' } })
  })
})

describe('every ask of the transfer is counted before it is sent, so a second ask queries first', () => {
  it('counts asks while no bill is known, and refuses once WeChat has given the bill', () => {
    const first = asked()
    expect(first.transfer).toMatchObject({ attempts: 1, lastAskedAt: AT })
    const second = askTransfer(first, LATER)
    expect(second).toMatchObject({ ok: true, data: { transfer: { attempts: 2, lastAskedAt: LATER } } })
    expect(askTransfer(asked({ transfer: { ...first.transfer!, transferBillNo: 'T1' } }), LATER)).toMatchObject({ ok: false })
    expect(askTransfer(withdrawal(), AT)).toMatchObject({ ok: false, error: { code: 'WITHDRAWAL_ILLEGAL_TRANSITION' } })
  })
})

describe('the withdrawal follows what WeChat Pay says of its bill', () => {
  it.each<[TransferState, Withdrawal['status'], string | null]>([
    ['ACCEPTED', 'transferring', null],
    ['PROCESSING', 'transferring', null],
    ['WAIT_USER_CONFIRM', 'awaiting_confirm', null],
    ['TRANSFERING', 'transferring', null],
    ['CANCELING', 'transferring', null],
    ['SUCCESS', 'paid', null],
    ['FAIL', 'failed', 'failed'],
    ['CANCELLED', 'expired', 'expired'],
  ])('%s → %s, money back: %s', (state, status, reversal) => {
    expect(followTransfer(asked(), { state, transferBillNo: 'T1' }, LATER)).toMatchObject({ withdrawal: { status }, reversal })
  })

  it('keeps the confirm package while the bill waits (queries do not repeat it), and drops it after', () => {
    const waiting = followTransfer(asked(), { state: 'WAIT_USER_CONFIRM', transferBillNo: 'T1', packageInfo: 'pkg' }, AT).withdrawal
    const queried = followTransfer(waiting, { state: 'WAIT_USER_CONFIRM', transferBillNo: 'T1' }, LATER).withdrawal
    expect(queried.transfer?.packageInfo).toBe('pkg')
    expect(followTransfer(queried, { state: 'TRANSFERING', transferBillNo: 'T1' }, LATER).withdrawal.transfer).not.toHaveProperty('packageInfo')
  })

  it('once it has ended, late and repeated reports change nothing and never give the money back twice', () => {
    const failed = followTransfer(asked(), { state: 'FAIL', transferBillNo: 'T1', failReason: 'ACCOUNT_FROZEN' }, AT)
    expect(failed).toMatchObject({ withdrawal: { status: 'failed', failReason: 'ACCOUNT_FROZEN' }, reversal: 'failed' })
    for (const state of ['FAIL', 'SUCCESS', 'WAIT_USER_CONFIRM'] as const) {
      const again = followTransfer(failed.withdrawal, { state, transferBillNo: 'T1' }, LATER)
      expect(again).toEqual({ withdrawal: failed.withdrawal, reversal: null })
    }
    expect(followTransfer(withdrawal(), { state: 'SUCCESS' }, AT)).toEqual({ withdrawal: withdrawal(), reversal: null })
  })

  it('a refusal to create the bill (a definite answer) fails the withdrawal and gives the money back; not once a bill exists', () => {
    expect(transferRefused(asked(), 'NOT_ENOUGH', AT)).toMatchObject({ withdrawal: { status: 'failed', failReason: 'NOT_ENOUGH' }, reversal: 'failed' })
    const billed = asked({ transfer: { ...asked().transfer!, transferBillNo: 'T1' } })
    expect(transferRefused(billed, 'NOT_ENOUGH', AT)).toEqual({ withdrawal: billed, reversal: null })
  })
})
