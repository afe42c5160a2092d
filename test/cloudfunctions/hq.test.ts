import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hqContract } from '../../src/contracts/hq'
import { HQ, addHqAdmin, addHqMember, addShopCatalog, bindCustomer, employeeWithShop, hq } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'

describe('hq function: roster, shops and attribution', () => {
  let t: TestCloud
  const bindingOf = async (openid: string) => (await t.db.collection('bindings').where({ _id: openid }).get()).data[0]
  const historyOf = async (openid: string) =>
    (await t.db.collection('binding_history').where({ customerOpenid: openid }).orderBy('at', 'asc').get()).data.map((h: any) => ({
      kind: h.kind,
      reason: h.reason,
      shopId: h.shopId,
      fromShopId: h.fromShopId,
    }))

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8 })
    await addHqAdmin(t.db)
    await addShopCatalog(t.db)
  })
  afterAll(() => t.close())

  describe('the roster', () => {
    it('adds new employees and updates known ones by employee number; an import never reactivates an offboarded one', async () => {
      expect(await hq(t.cloud, 'importRoster', { rows: [{ employeeNo: 'R1', name: '韩冬', phoneTail: '8865' }, { employeeNo: 'R2', name: '杨柳', inviteCode: 'WELCOME-R2' }] })).toEqual({
        ok: true,
        data: { added: 2, updated: 0 },
      })
      await hq(t.cloud, 'deactivateEmployee', { employeeNo: 'R2', reassignTo: { to: 'hq' } })
      const again = await hq(t.cloud, 'importRoster', {
        rows: [
          { employeeNo: 'R1', name: '韩冬', department: '临沧茶园基地', phoneTail: '8866' },
          { employeeNo: 'R2', name: '杨柳', inviteCode: 'WELCOME-R2' },
          { employeeNo: 'R3', name: '冯伟', phoneTail: '6280' },
        ],
      })
      expect(again.data).toEqual({ added: 1, updated: 2 })
      const { data: r1 } = await t.db.collection('roster').doc('R1').get()
      expect(r1).toMatchObject({ employeeNo: 'R1', department: '临沧茶园基地', phoneTail: '8866', inviteCode: null, active: true })
      expect((await t.db.collection('roster').doc('R2').get()).data.active).toBe(false)
    })

    it('refuses a row with neither a phone tail nor an invitation code', async () => {
      const answer = await hq(t.cloud, 'importRoster', { rows: [{ employeeNo: 'R9', name: '无码' }] })
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    })

    it('an unknown employee number cannot be offboarded', async () => {
      expect(await hq(t.cloud, 'deactivateEmployee', { employeeNo: 'NOPE', reassignTo: { to: 'hq' } })).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_NOT_FOUND' } })
    })
  })

  describe('offboarding', () => {
    it('closes the shop and moves its customers to a colleague’s shop, each move in the binding history', async () => {
      const leaving = await employeeWithShop(t.cloud, 'L1', 'o-leaving', '吴昊')
      const colleague = await employeeWithShop(t.cloud, 'C1', 'o-colleague', '郑晓燕')
      await bindCustomer(t.db, 'o-zhou', leaving)
      await bindCustomer(t.db, 'o-chen', leaving)
      // The colleague was a customer of the shop before: no one is bound to their own shop.
      await bindCustomer(t.db, 'o-colleague', leaving)
      // A window that ran out before anyone noticed: recorded as over, not moved.
      await bindCustomer(t.db, 'o-lapsed', leaving, 20)

      const answer = await hq(t.cloud, 'deactivateEmployee', { employeeNo: 'L1', reassignTo: { to: 'shop', shopId: colleague._id } })
      expect(answer).toEqual({ ok: true, data: { shopClosed: true, customersMoved: 3 } })

      for (const customer of ['o-zhou', 'o-chen']) {
        expect(await bindingOf(customer)).toMatchObject({ shopId: colleague._id, ownerOpenid: 'o-colleague', status: 'active', source: { kind: 'hq', byOpenid: HQ } })
        expect(await historyOf(customer)).toEqual([
          { kind: 'bind', reason: 'first_share', shopId: leaving._id, fromShopId: null },
          { kind: 'reassign', reason: 'owner_offboarded', shopId: colleague._id, fromShopId: leaving._id },
        ])
      }
      expect(await bindingOf('o-colleague')).toMatchObject({ status: 'released', shopId: leaving._id })
      expect((await historyOf('o-colleague')).pop()).toEqual({ kind: 'reassign', reason: 'owner_offboarded', shopId: null, fromShopId: leaving._id })
      expect(await bindingOf('o-lapsed')).toMatchObject({ status: 'expired' })
      expect((await historyOf('o-lapsed')).pop()).toEqual({ kind: 'expire', reason: 'protection_over', shopId: null, fromShopId: leaving._id })

      const { data: shop } = await t.db.collection('shops').doc(leaving._id).get()
      expect(shop.status).toBe('closed')
      expect(shop.history.pop()).toMatchObject({ event: 'close', actor: { kind: 'system' }, from: 'active', to: 'closed' })
      expect((await t.db.collection('roster').doc('L1').get()).data).toMatchObject({ active: false, verifiedOpenid: 'o-leaving', shopId: leaving._id })
      expect(await callAs(t.cloud, 'o-leaving', 'user', 'getProfile', {})).toEqual({ ok: true, data: { nickname: '吴昊', role: 'consumer' } })
      expect(await callAs(t.cloud, 'o-leaving', 'shop', 'getMyShop', {})).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_REQUIRED' } })
      expect(await callAs(t.cloud, 'o-leaving', 'shop', 'verifyEmployee', { employeeNo: 'L1', code: '1234' })).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_INACTIVE' } })
    })

    it('moves every customer back to HQ, batch after batch', async () => {
      const leaving = await employeeWithShop(t.cloud, 'L2', 'o-leaving-2', '蒋雪')
      const customers = Array.from({ length: 60 }, (_, i) => `o-crowd-${String(i).padStart(2, '0')}`)
      for (const customer of customers) await bindCustomer(t.db, customer, leaving)
      const answer = await hq(t.cloud, 'deactivateEmployee', { employeeNo: 'L2', reassignTo: { to: 'hq' } })
      expect(answer).toEqual({ ok: true, data: { shopClosed: true, customersMoved: 60 } })
      const { total } = await t.db.collection('bindings').where({ shopId: leaving._id, status: 'active' }).count()
      expect(total).toBe(0)
      expect(await historyOf(customers[59])).toEqual([
        { kind: 'bind', reason: 'first_share', shopId: leaving._id, fromShopId: null },
        { kind: 'reassign', reason: 'owner_offboarded', shopId: null, fromShopId: leaving._id },
      ])
      // Running it again finds no one left to move and nothing left to close.
      expect(await hq(t.cloud, 'deactivateEmployee', { employeeNo: 'L2', reassignTo: { to: 'hq' } })).toEqual({ ok: true, data: { shopClosed: false, customersMoved: 0 } })
    })

    it('customers go only to a colleague’s shop that exists and is open', async () => {
      await hq(t.cloud, 'importRoster', { rows: [{ employeeNo: 'L3', name: '韩梅', phoneTail: '1234' }] })
      expect(await hq(t.cloud, 'deactivateEmployee', { employeeNo: 'L3', reassignTo: { to: 'shop', shopId: 'no-such-shop' } })).toMatchObject({
        ok: false,
        error: { code: 'SHOP_NOT_FOUND' },
      })
      const suspended = await employeeWithShop(t.cloud, 'C2', 'o-suspended', '杨柳')
      await hq(t.cloud, 'moveShop', { shopId: suspended._id, event: 'suspend', note: '资料待核实' })
      expect(await hq(t.cloud, 'deactivateEmployee', { employeeNo: 'L3', reassignTo: { to: 'shop', shopId: suspended._id } })).toMatchObject({
        ok: false,
        error: { code: 'SHOP_NOT_ACTIVE' },
      })
      expect((await t.db.collection('roster').doc('L3').get()).data.active).toBe(true)
    })
  })

  describe('moving one customer', () => {
    it('HQ moves a customer to another shop, or back to HQ; the history says it was HQ’s decision', async () => {
      const from = await employeeWithShop(t.cloud, 'M1', 'o-m1', '周敏')
      const to = await employeeWithShop(t.cloud, 'M2', 'o-m2', '钱进')
      await bindCustomer(t.db, 'o-moved', from)
      expect(await hq(t.cloud, 'reassignCustomer', { customerOpenid: 'o-moved', reassignTo: { to: 'shop', shopId: from._id } })).toMatchObject({
        ok: false,
        error: { code: 'BINDING_SAME_SHOP' },
      })
      expect(await hq(t.cloud, 'reassignCustomer', { customerOpenid: 'o-moved', reassignTo: { to: 'shop', shopId: to._id } })).toEqual({ ok: true, data: { shopId: to._id } })
      expect(await hq(t.cloud, 'reassignCustomer', { customerOpenid: 'o-moved', reassignTo: { to: 'hq' } })).toEqual({ ok: true, data: { shopId: null } })
      expect((await historyOf('o-moved')).slice(1)).toEqual([
        { kind: 'reassign', reason: 'hq_decision', shopId: to._id, fromShopId: from._id },
        { kind: 'reassign', reason: 'hq_decision', shopId: null, fromShopId: to._id },
      ])
      expect(await hq(t.cloud, 'reassignCustomer', { customerOpenid: 'o-moved', reassignTo: { to: 'hq' } })).toMatchObject({ ok: false, error: { code: 'BINDING_NOT_ACTIVE' } })
      expect(await hq(t.cloud, 'reassignCustomer', { customerOpenid: 'o-never-bound', reassignTo: { to: 'hq' } })).toMatchObject({ ok: false, error: { code: 'CUSTOMER_NOT_BOUND' } })
    })

    it('an employee customer is never given to a colleague, nor an owner to their own shop', async () => {
      const a = await employeeWithShop(t.cloud, 'M3', 'o-m3', '孙强')
      const b = await employeeWithShop(t.cloud, 'M4', 'o-m4', '李娜')
      await bindCustomer(t.db, 'o-m4', a)
      expect(await hq(t.cloud, 'reassignCustomer', { customerOpenid: 'o-m4', reassignTo: { to: 'shop', shopId: b._id } })).toMatchObject({
        ok: false,
        error: { code: 'BINDING_SELF_REFUSED' },
      })
      const c = await employeeWithShop(t.cloud, 'M5', 'o-m5', '张伟')
      expect(await hq(t.cloud, 'reassignCustomer', { customerOpenid: 'o-m4', reassignTo: { to: 'shop', shopId: c._id } })).toMatchObject({
        ok: false,
        error: { code: 'BINDING_COLLEAGUE_REFUSED' },
      })
    })
  })

  describe('shops and rules', () => {
    it('lists shops newest first, every status or one', async () => {
      const all = await hq(t.cloud, 'listShops', { pageSize: 100 })
      const created = all.data.items.map((s: any) => new Date(s.createdAt).getTime())
      expect(created).toEqual([...created].sort((x, y) => y - x))
      const closed = await hq(t.cloud, 'listShops', { status: 'closed' })
      expect(closed.data.items.every((s: any) => s.status === 'closed')).toBe(true)
      expect(closed.data.items.length).toBeGreaterThanOrEqual(2)
    })

    it('HQ suspends, reactivates and closes shops through the state table; closed is final', async () => {
      const { _id: shopId } = await employeeWithShop(t.cloud, 'S1', 'o-s1', '何平')
      expect((await hq(t.cloud, 'moveShop', { shopId, event: 'suspend', note: '违规宣传' })).data.status).toBe('suspended')
      expect((await hq(t.cloud, 'moveShop', { shopId, event: 'reactivate' })).data.status).toBe('active')
      expect((await hq(t.cloud, 'moveShop', { shopId, event: 'close' })).data.status).toBe('closed')
      expect(await hq(t.cloud, 'moveShop', { shopId, event: 'reactivate' })).toMatchObject({ ok: false, error: { code: 'SHOP_ILLEGAL_TRANSITION' } })
      expect(await callAs(t.cloud, 'o-s1', 'shop', 'setPicks', { picks: { mode: 'all' } })).toMatchObject({ ok: false, error: { code: 'SHOP_CLOSED' } })
      expect(await callAs(t.cloud, 'o-s1', 'shop', 'openShop', { profile: { name: '再开一家' } })).toMatchObject({ ok: false, error: { code: 'SHOP_ALREADY_OPEN' } })
    })

    it('each change of the attribution rules is a new version, and every version is kept', async () => {
      const first = await hq(t.cloud, 'setAttributionRules', { rules: { protectionDays: 30 } })
      expect(first).toEqual({ ok: true, data: { version: 2, protectionDays: 30, strategy: 'first_touch', paidOrderExtends: true } })
      const [a, b] = await Promise.all([
        hq(t.cloud, 'setAttributionRules', { rules: { strategy: 'last_touch' } }),
        hq(t.cloud, 'setAttributionRules', { rules: { protectionDays: 7 } }),
      ])
      expect([a.data.version, b.data.version].sort()).toEqual([3, 4])
      const { data: versions } = await t.db.collection('attribution_rules').orderBy('rules.version', 'asc').get()
      expect(versions.map((v: any) => [v._id, v.rules.version, v.setByOpenid])).toEqual([
        ['1', 1, null],
        ['2', 2, HQ],
        ['3', 3, HQ],
        ['4', 4, HQ],
      ])
      const { data: current } = await t.db.collection('settings').doc('attributionRules').get()
      expect(current.rules.version).toBe(4)
    })

    it('the settings page reads every rule in force (hq-settings)', async () => {
      const answer = await callAs(t.cloud, HQ, 'hq-settings', 'getRules')
      const { data: attribution } = await t.db.collection('settings').doc('attributionRules').get()
      expect(answer.data.attribution).toEqual(attribution.rules)
      expect(answer.data.commission).toMatchObject({ version: 1, afterSalesDays: 7, withdrawalAutoApproveMaxFen: 0 })
      expect(answer.data.orders).toEqual({ version: 1, maxUnpaidOrders: 5, unpaidOrderMinutes: 30 })
      expect(answer.data.shipping).toEqual({ version: 1, freeOverFen: 9900, feeFen: 1000 })
      expect(answer.data.shopOpening).toEqual({ reviewRequired: false })
    })

    it('refuses rules that would pay more than the shop that sold, by the schema itself', async () => {
      const answer = await hq(t.cloud, 'setAttributionRules', { rules: { protectionDays: 15, secondLevelRateBps: 300 } })
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(answer.error.details.issues).toEqual([{ path: 'rules.secondLevelRateBps', message: 'RULES_MULTI_LEVEL_REFUSED' }])
    })
  })

  describe('roles: each HQ action is open to the roles whose area it is in, and every call is audited', () => {
    // HQ's rule, action by action: the full admin does everything; 运营 the orders, shops and roster;
    // 财务 the money. Every allowed call here names something that does not exist (or changes nothing
    // others rely on), so it answers the use case's own refusal or success — never HQ_FORBIDDEN.
    const ALL = ['hq_admin', 'hq_ops', 'hq_finance'] as const
    const RULES: Array<[action: string, payload: unknown, allowed: ReadonlyArray<(typeof ALL)[number]>]> = [
      ['getWorkbench', {}, ['hq_admin', 'hq_ops', 'hq_finance']],
      ['listPaymentAnomalies', {}, ['hq_admin', 'hq_finance']],
      ['importRoster', { rows: [{ employeeNo: 'RT1', name: '罗婷', phoneTail: '0000' }] }, ['hq_admin', 'hq_ops']],
      ['deactivateEmployee', { employeeNo: 'NOPE', reassignTo: { to: 'hq' } }, ['hq_admin', 'hq_ops']],
      ['listShops', {}, ['hq_admin', 'hq_ops']],
      ['moveShop', { shopId: 'no-shop', event: 'approve' }, ['hq_admin', 'hq_ops']],
      ['reassignCustomer', { customerOpenid: 'o-never-bound', reassignTo: { to: 'hq' } }, ['hq_admin', 'hq_ops']],
      ['setShopOpening', { reviewRequired: false }, ['hq_admin', 'hq_ops']],
      ['setAttributionRules', { rules: { protectionDays: 15 } }, ['hq_admin']],
      ['listWithdrawals', {}, ['hq_admin', 'hq_finance']],
      ['approveWithdrawal', { withdrawalId: `W${'0'.repeat(31)}` }, ['hq_admin', 'hq_finance']],
      ['rejectWithdrawal', { withdrawalId: `W${'0'.repeat(31)}`, reason: '资料不全' }, ['hq_admin', 'hq_finance']],
      ['setCommissionRules', { rules: { afterSalesDays: 7 } }, ['hq_admin', 'hq_finance']],
      ['listAdmins', {}, ['hq_admin']],
      ['setAdmin', { employeeNo: 'NOPE', role: 'hq_ops' }, ['hq_admin']],
      ['removeAdmin', { openid: 'o-never-staff' }, ['hq_admin']],
    ]
    const CALLERS = [
      { openid: 'o-role-admin', role: 'hq_admin' },
      { openid: 'o-role-ops', role: 'hq_ops' },
      { openid: 'o-role-finance', role: 'hq_finance' },
      { openid: 'o-role-employee', role: null },
      { openid: 'o-role-stranger', role: null },
    ] as const

    beforeAll(async () => {
      for (const caller of CALLERS) if (caller.role) await addHqMember(t.db, caller.openid, caller.role)
      await employeeWithShop(t.cloud, 'RE1', 'o-role-employee', '路人')
    })

    it('the table covers every action of the contract', () => {
      expect(RULES.map(([action]) => action).sort()).toEqual(Object.keys(hqContract.actions).sort())
    })

    for (const [action, payload, allowed] of RULES) {
      it(`${action}: ${allowed.join(', ')}`, async () => {
        for (const caller of CALLERS) {
          const permitted = caller.role !== null && allowed.includes(caller.role)
          const answer = await callAs(t.cloud, caller.openid, 'hq', action, payload)
          if (permitted) expect(answer.ok ? 'ok' : answer.error.code).not.toBe('HQ_FORBIDDEN')
          else expect(answer).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
          const { data: audit } = await t.db.collection('audit_logs').where({ actorOpenid: caller.openid, action: `hq.${action}` }).get()
          expect(audit).toHaveLength(1)
          expect(audit[0]).toMatchObject({ actorRole: caller.role, source: 'client', payload, ...(answer.ok ? { ok: true } : { ok: false, error: answer.error.code }) })
          expect(new Date(audit[0].at).getTime()).toBeGreaterThan(Date.now() - 60_000)
        }
      })
    }

    it('a refused action changes nothing', async () => {
      expect((await t.db.collection('roster').where({ employeeNo: 'RT1' }).get()).data).toMatchObject([{ name: '罗婷' }])
      const { data } = await t.db.collection('audit_logs').where({ action: 'hq.importRoster', ok: true }).get()
      expect(data.map((entry: any) => entry.actorOpenid).filter((openid: string) => openid.startsWith('o-role-')).sort()).toEqual(['o-role-admin', 'o-role-ops'])
    })

    it('invalid payloads, unknown actions and anonymous calls are audited too', async () => {
      // Who is asked before what: a stranger is refused whatever they send; staff learn what was wrong.
      expect(await callAs(t.cloud, 'o-role-stranger', 'hq', 'moveShop', { shopId: '', event: 'approve' })).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      expect(await callAs(t.cloud, 'o-role-ops', 'hq', 'moveShop', { shopId: '', event: 'approve' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      const { data: invalid } = await t.db.collection('audit_logs').where({ actorOpenid: 'o-role-ops', action: 'hq.moveShop', error: 'INVALID_INPUT' }).get()
      expect(invalid).toMatchObject([{ actorRole: 'hq_ops', payload: { shopId: '', event: 'approve' } }])
      expect(await callAs(t.cloud, 'o-role-stranger', 'hq', 'dropDatabase', { all: true })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
      expect(await callAs(t.cloud, undefined, 'hq', 'listShops', {})).toMatchObject({ ok: false, error: { code: 'AUTH_REQUIRED' } })
      const { data: byStranger } = await t.db.collection('audit_logs').where({ actorOpenid: 'o-role-stranger', action: t.db.command.in(['hq.moveShop', 'hq.dropDatabase']) }).get()
      expect(byStranger.map((e: any) => [e.action, e.error, e.payload])).toEqual(
        expect.arrayContaining([
          ['hq.moveShop', 'HQ_FORBIDDEN', { shopId: '', event: 'approve' }],
          ['hq.dropDatabase', 'UNKNOWN_ACTION', { all: true }],
        ]),
      )
      const { data: anonymous } = await t.db.collection('audit_logs').where({ actorOpenid: null, action: 'hq.listShops' }).get()
      expect(anonymous).toMatchObject([{ ok: false, error: 'AUTH_REQUIRED' }])
    })

    it('an action that changes a document keeps it before and after in its audit entry', async () => {
      const { _id: shopId } = await employeeWithShop(t.cloud, 'RA1', 'o-role-audited', '许诺')
      await callAs(t.cloud, 'o-role-ops', 'hq', 'moveShop', { shopId, event: 'suspend', note: '资料待核实' })
      const { data } = await t.db.collection('audit_logs').where({ actorOpenid: 'o-role-ops', action: 'hq.moveShop', ok: true }).get()
      expect(data).toHaveLength(1)
      expect(data[0].change).toMatchObject({ collection: 'shops', id: shopId, before: { status: 'active' }, after: { status: 'suspended' } })
      // A refused or failed call changed nothing, and says so.
      const { data: failed } = await t.db.collection('audit_logs').where({ actorOpenid: 'o-role-ops', action: 'hq.moveShop', ok: false }).get()
      expect(failed[0].change).toEqual({ collection: 'shops', id: 'no-shop', before: null, after: null })
    })
  })
})

describe('hq function: HQ staff', () => {
  let t: TestCloud
  const FIRST = 'o-bootstrap'
  const staff = (openid: string, action: string, payload: unknown = {}) => callAs(t.cloud, openid, 'hq', action, payload)

  beforeAll(async () => {
    // The local cloud sets HQ_BOOTSTRAP_OPENID to its HQ persona, as the console's setting would.
    t = await startTestCloud({ personas: [{ key: 'hq', openid: FIRST, name: '何静', role: 'hq_admin', description: '' }] })
  })
  afterAll(() => t.close())

  it('the OPENID the environment names becomes the first full admin on first contact', async () => {
    expect((await t.db.collection('hq_admins').get()).data).toEqual([])
    expect(await callAs(t.cloud, FIRST, 'user', 'getProfile', {})).toMatchObject({ ok: true, data: { hqRole: 'hq_admin' } })
    expect((await staff(FIRST, 'listAdmins')).data).toMatchObject([{ openid: FIRST, role: 'hq_admin', employeeNo: null, addedByOpenid: null }])
    expect(await callAs(t.cloud, 'o-someone', 'user', 'getProfile', {})).toEqual({ ok: true, data: { nickname: '', role: 'consumer' } })
  })

  it('admins add verified employees with a role, change it, and remove them', async () => {
    await staff(FIRST, 'importRoster', { rows: [{ employeeNo: 'S1', name: '宋佳', phoneTail: '1111' }, { employeeNo: 'S2', name: '沈涛', phoneTail: '2222' }] })
    expect(await staff(FIRST, 'setAdmin', { employeeNo: 'S1', role: 'hq_finance' })).toMatchObject({ ok: false, error: { code: 'HQ_EMPLOYEE_NOT_VERIFIED' } })
    expect(await staff(FIRST, 'setAdmin', { employeeNo: 'S9', role: 'hq_finance' })).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_NOT_FOUND' } })
    for (const [no, openid, code] of [['S1', 'o-song', '1111'], ['S2', 'o-shen', '2222']]) {
      expect((await callAs(t.cloud, openid, 'shop', 'verifyEmployee', { employeeNo: no, code })).ok).toBe(true)
    }
    expect(await staff(FIRST, 'setAdmin', { employeeNo: 'S1', role: 'hq_finance' })).toMatchObject({ ok: true, data: { openid: 'o-song', role: 'hq_finance', name: '宋佳', addedByOpenid: FIRST } })
    expect(await staff('o-song', 'listWithdrawals')).toMatchObject({ ok: true })
    expect(await staff('o-song', 'listShops')).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })

    expect(await staff(FIRST, 'setAdmin', { employeeNo: 'S1', role: 'hq_ops' })).toMatchObject({ ok: true, data: { role: 'hq_ops' } })
    expect(await staff('o-song', 'listShops')).toMatchObject({ ok: true })
    const { data: audit } = await t.db.collection('audit_logs').where({ actorOpenid: FIRST, action: 'hq.setAdmin', ok: true }).get()
    expect(audit.map((e: any) => [e.change.before?.role ?? null, e.change.after.role])).toEqual([[null, 'hq_finance'], ['hq_finance', 'hq_ops']])

    expect(await staff(FIRST, 'removeAdmin', { openid: 'o-song' })).toEqual({ ok: true, data: { removed: 'o-song' } })
    expect(await staff('o-song', 'listShops')).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
    expect(await staff(FIRST, 'removeAdmin', { openid: 'o-song' })).toMatchObject({ ok: false, error: { code: 'HQ_MEMBER_NOT_FOUND' } })
  })

  it('the last full admin can neither leave nor be narrowed', async () => {
    expect(await staff(FIRST, 'removeAdmin', { openid: FIRST })).toMatchObject({ ok: false, error: { code: 'HQ_LAST_ADMIN' } })
    expect(await staff(FIRST, 'setAdmin', { employeeNo: 'S2', role: 'hq_admin' })).toMatchObject({ ok: true })
    // The bootstrap admin leaves; the setting does not bring them back while HQ has a full admin.
    expect(await staff(FIRST, 'removeAdmin', { openid: FIRST })).toMatchObject({ ok: true })
    expect(await staff(FIRST, 'listAdmins')).toEqual({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
    expect(await staff('o-shen', 'removeAdmin', { openid: 'o-shen' })).toMatchObject({ ok: false, error: { code: 'HQ_LAST_ADMIN' } })
    expect(await staff('o-shen', 'setAdmin', { employeeNo: 'S2', role: 'hq_ops' })).toMatchObject({ ok: false, error: { code: 'HQ_LAST_ADMIN' } })
  })

  it('two full admins narrowing each other at once leave one full admin', async () => {
    expect(await staff('o-shen', 'setAdmin', { employeeNo: 'S1', role: 'hq_admin' })).toMatchObject({ ok: true })
    const answers = await Promise.all([
      staff('o-shen', 'setAdmin', { employeeNo: 'S1', role: 'hq_finance' }),
      staff('o-song', 'setAdmin', { employeeNo: 'S2', role: 'hq_finance' }),
    ])
    // The loser finds the other's change in its transaction, or — when it came later — no longer has the role.
    const [won, lost] = [...answers].sort((a, b) => Number(b.ok) - Number(a.ok))
    expect(won.ok).toBe(true)
    expect(['HQ_LAST_ADMIN', 'HQ_FORBIDDEN']).toContain(lost.error.code)
    const { data: members } = await t.db.collection('hq_admins').where({ role: 'hq_admin' }).get()
    expect(members).toHaveLength(1)
  })
})
