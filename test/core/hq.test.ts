import { describe, expect, it } from 'vitest'
import { HqMember, HqRole, changeMember } from '../../src/core/hq'

const member = (role: HqRole): HqMember => ({
  _id: 'o-a',
  openid: 'o-a',
  role,
  name: '何静',
  employeeNo: null,
  addedByOpenid: null,
  addedAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
})

describe('HQ keeps a full admin', () => {
  // [the member's role, the change (null: removed), full admins now, the answer]
  const cases: Array<[HqRole, HqRole | null, number, 'ok' | 'HQ_LAST_ADMIN']> = [
    ['hq_admin', null, 1, 'HQ_LAST_ADMIN'],
    ['hq_admin', 'hq_ops', 1, 'HQ_LAST_ADMIN'],
    ['hq_admin', 'hq_finance', 1, 'HQ_LAST_ADMIN'],
    ['hq_admin', 'hq_admin', 1, 'ok'],
    ['hq_admin', null, 2, 'ok'],
    ['hq_admin', 'hq_ops', 2, 'ok'],
    ['hq_ops', null, 1, 'ok'],
    ['hq_finance', 'hq_admin', 1, 'ok'],
    ['hq_ops', 'hq_finance', 1, 'ok'],
  ]
  it.each(cases)('%s → %s with %i full admin(s): %s', (role, next, fullAdmins, expected) => {
    const answer = changeMember(member(role), next, fullAdmins)
    expect(answer.ok ? 'ok' : answer.error.code).toBe(expected)
  })
})
