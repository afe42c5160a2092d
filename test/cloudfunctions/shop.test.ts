import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SHOP_DEFAULT_WORDS } from '../../src/i18n/zh-CN'
import { HQ, addHqAdmin, addShopCatalog, bindCustomer, employeeWithShop, hq } from '../support/employees'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'

describe('shop function', () => {
  let t: TestCloud
  const log: string[] = []
  const shop = (openid: string, action: string, payload?: unknown) => callAs(t.cloud, openid, 'shop', action, payload)
  const verify = (openid: string, employeeNo: string, code: string) => shop(openid, 'verifyEmployee', { employeeNo, code })
  const codesOf = (answers: any[]) => answers.map((a) => (a.ok ? 'ok' : a.error.code))

  beforeAll(async () => {
    t = await startTestCloud({ maxInstancesPerFunction: 8, log: (line) => log.push(line) })
    await addHqAdmin(t.db)
    await addShopCatalog(t.db)
    const imported = await hq(t.cloud, 'importRoster', {
      rows: [
        { employeeNo: 'E1', name: '王芳', department: '西湖旗舰店', phoneTail: '3821' },
        { employeeNo: 'E2', name: '李明', department: '茶艺培训部', inviteCode: 'TEA-2026-LI' },
        { employeeNo: 'E3', name: '赵磊', department: '仓储物流部', phoneTail: '7412' },
        { employeeNo: 'E4', name: '孙丽', department: '财务部', phoneTail: '2638' },
        { employeeNo: 'E5', name: '吴昊', department: '市场部', phoneTail: '9157' },
      ],
    })
    expect(imported).toEqual({ ok: true, data: { added: 5, updated: 0 } })
  })
  afterAll(() => t.close())

  describe('verification against HQ’s roster', () => {
    it('the right phone tail makes the account an employee, on a users document made at first contact', async () => {
      expect(await verify('o-wang', 'E1', '3821')).toEqual({ ok: true, data: { nickname: '王芳', role: 'employee', employeeNo: 'E1' } })
      expect(await callAs(t.cloud, 'o-wang', 'user', 'getProfile', {})).toEqual({ ok: true, data: { nickname: '王芳', role: 'employee', employeeNo: 'E1' } })
      const { data: users } = await t.db.collection('users').where({ openid: 'o-wang' }).get()
      expect(users).toHaveLength(1)
    })

    it('HQ’s invitation code works instead of a phone tail', async () => {
      expect(await verify('o-li', 'E2', 'TEA-2026-LI')).toMatchObject({ ok: true, data: { role: 'employee', employeeNo: 'E2' } })
    })

    it('a wrong code and an unknown number get the same answer, with the attempts left', async () => {
      expect(await verify('o-typo', 'E3', '0000')).toEqual({ ok: false, error: { code: 'EMPLOYEE_VERIFY_FAILED', details: { attemptsLeft: 4 } } })
      expect(await verify('o-typo', 'E999', '7412')).toEqual({ ok: false, error: { code: 'EMPLOYEE_VERIFY_FAILED', details: { attemptsLeft: 3 } } })
      expect((await verify('o-typo', 'E3', '7412')).ok).toBe(true)
      // The right code wipes the slate.
      expect((await t.db.collection('verify_attempts').where({ _id: 'o-typo' }).get()).data).toEqual([])
    })

    it('an employee number another account verified is refused, and so is a second number for one account', async () => {
      expect(await verify('o-impostor', 'E1', '3821')).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_ALREADY_VERIFIED', details: { otherAccount: true } } })
      // One account is one employee: 王芳 cannot verify as a colleague too.
      expect(await verify('o-wang', 'E5', '9157')).toEqual({ ok: false, error: { code: 'EMPLOYEE_ALREADY_VERIFIED', details: { employeeNo: 'E1' } } })
    })

    it('the 6th wrong code within the hour is refused even when all are sent at the same instant, and so is then the right one', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => verify('o-guesser', 'E5', String(1000 + i))))
      expect(codesOf(answers).sort()).toEqual([...Array(5).fill('EMPLOYEE_VERIFY_FAILED'), ...Array(3).fill('EMPLOYEE_VERIFY_RATE_LIMITED')].sort())
      const limited = await verify('o-guesser', 'E5', '9157')
      expect(limited).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_VERIFY_RATE_LIMITED' } })
      expect(limited.error.details.retryAfterMinutes).toBeGreaterThanOrEqual(59)
      expect(limited.error.details.retryAfterMinutes).toBeLessThanOrEqual(60)
      // Another account is not limited by this one's guesses.
      expect((await verify('o-wu', 'E5', '9157')).ok).toBe(true)
    })

    it('an employee HQ has offboarded is refused, right code or not', async () => {
      expect(await hq(t.cloud, 'deactivateEmployee', { employeeNo: 'E4', reassignTo: { to: 'hq' } })).toEqual({ ok: true, data: { shopClosed: false, customersMoved: 0 } })
      expect(await verify('o-sun', 'E4', '2638')).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_INACTIVE' } })
      expect(await verify('o-sun', 'E4', '1111')).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_VERIFY_FAILED' } })
    })

    it('a bound customer who becomes an employee goes back to HQ: employees are not bound to colleagues', async () => {
      const colleague = await employeeWithShop(t.cloud, 'E6', 'o-e6', '郑晓燕')
      await bindCustomer(t.db, 'o-new-hire', colleague)
      await hq(t.cloud, 'importRoster', { rows: [{ employeeNo: 'E7', name: '冯伟', phoneTail: '6280' }] })
      expect((await verify('o-new-hire', 'E7', '6280')).ok).toBe(true)
      expect((await t.db.collection('bindings').doc('o-new-hire').get()).data).toMatchObject({ status: 'released', shopId: colleague._id })
      const { data: history } = await t.db.collection('binding_history').where({ customerOpenid: 'o-new-hire' }).orderBy('at', 'asc').get()
      expect(history.map((h: any) => [h.kind, h.reason, h.shopId])).toEqual([
        ['bind', 'first_share', colleague._id],
        ['reassign', 'customer_became_employee', null],
      ])
    })
  })

  describe('opening and running a shop', () => {
    it('only verified employees have a shop to open', async () => {
      expect(await shop('o-stranger', 'getMyShop', {})).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_REQUIRED' } })
      expect(await shop('o-stranger', 'openShop', { profile: { name: '我的店' } })).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_REQUIRED' } })
    })

    it('the open-shop screen starts from the roster: name, intro, the whole catalog', async () => {
      const { data } = await shop('o-wang', 'getMyShop', {})
      expect(data).toEqual({
        shop: null,
        employee: { employeeNo: 'E1', name: '王芳', department: '西湖旗舰店' },
        defaults: {
          profile: { name: SHOP_DEFAULT_WORDS.name('王芳'), avatar: '', intro: SHOP_DEFAULT_WORDS.intro({ name: '王芳', department: '西湖旗舰店' }) },
          picks: { mode: 'all' },
        },
        reviewRequired: false,
      })
    })

    it('five opens at the same instant make one shop, active at once', async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, () => shop('o-wang', 'openShop', { profile: { name: '芳姐的龙井小铺', intro: '明前龙井，总部直发' } })))
      expect(codesOf(answers).sort()).toEqual(['SHOP_ALREADY_OPEN', 'SHOP_ALREADY_OPEN', 'SHOP_ALREADY_OPEN', 'SHOP_ALREADY_OPEN', 'ok'])
      const { data: shops } = await t.db.collection('shops').where({ ownerOpenid: 'o-wang' }).get()
      expect(shops).toHaveLength(1)
      expect(shops[0]).toMatchObject({ name: '芳姐的龙井小铺', employeeNo: 'E1', status: 'active', picks: { mode: 'all' } })
      expect(shops[0]._id).not.toContain('o-wang')
      expect((await t.db.collection('roster').doc('E1').get()).data.shopId).toBe(shops[0]._id)
      expect((await shop('o-wang', 'getMyShop', {})).data.shop._id).toBe(shops[0]._id)
    })

    it('with HQ’s review on, a new shop is pending until HQ approves it', async () => {
      expect(await hq(t.cloud, 'setShopOpening', { reviewRequired: true })).toEqual({ ok: true, data: { reviewRequired: true } })
      expect((await shop('o-li', 'getMyShop', {})).data.reviewRequired).toBe(true)
      const { data: opened } = await shop('o-li', 'openShop', { profile: { name: '李明茶艺室' } })
      expect(opened.status).toBe('pending')
      const pending = await hq(t.cloud, 'listShops', { status: 'pending' })
      expect(pending.data.items.map((s: any) => s._id)).toEqual([opened._id])
      expect(await callAs(t.cloud, 'o-li', 'hq', 'moveShop', { shopId: opened._id, event: 'approve' })).toMatchObject({ ok: false, error: { code: 'HQ_FORBIDDEN' } })
      const approved = await hq(t.cloud, 'moveShop', { shopId: opened._id, event: 'approve' })
      expect(approved.data).toMatchObject({ status: 'active' })
      expect(approved.data.history.map((h: any) => [h.event, h.to, h.actor])).toEqual([
        ['open', 'pending', { kind: 'owner', openid: 'o-li' }],
        ['approve', 'active', { kind: 'hq', openid: HQ }],
      ])
      expect(await hq(t.cloud, 'moveShop', { shopId: opened._id, event: 'approve' })).toMatchObject({ ok: false, error: { code: 'SHOP_ILLEGAL_TRANSITION' } })
      await hq(t.cloud, 'setShopOpening', { reviewRequired: false })
    })

    it('the owner edits the face of the shop; the form’s rules are the core’s', async () => {
      const updated = await shop('o-wang', 'updateShop', { profile: { name: '芳姐茶铺', intro: '西湖边的好茶', avatar: 'cloud://env/avatars/wang.png' } })
      expect(updated.data).toMatchObject({ name: '芳姐茶铺', intro: '西湖边的好茶', avatar: 'cloud://env/avatars/wang.png' })
      const refused = await shop('o-wang', 'updateShop', { profile: { name: '' } })
      expect(refused.error.details.issues).toEqual([{ path: 'profile.name', message: 'SHOP_NAME_MISSING' }])
      expect(await shop('o-wu', 'updateShop', { profile: { name: '吴昊的店' } })).toMatchObject({ ok: false, error: { code: 'SHOP_NOT_FOUND' } })
    })

    it('picks must be HQ’s products or categories, without repeats', async () => {
      expect(await shop('o-wang', 'setPicks', { picks: { mode: 'products', productIds: ['p-longjing', 'p-nope'] } })).toEqual({
        ok: false,
        error: { code: 'SHOP_PICKS_UNKNOWN', details: { mode: 'products', ids: ['p-nope'] } },
      })
      expect(await shop('o-wang', 'setPicks', { picks: { mode: 'categories', categoryIds: ['cat-none'] } })).toMatchObject({
        ok: false,
        error: { code: 'SHOP_PICKS_UNKNOWN', details: { ids: ['cat-none'] } },
      })
      const repeated = await shop('o-wang', 'setPicks', { picks: { mode: 'products', productIds: ['p-longjing', 'p-longjing'] } })
      expect(repeated.error.details.issues).toEqual([{ path: 'picks.productIds', message: 'SHOP_PICKS_DUPLICATE' }])
      // An off-shelf product may be picked: the pick outlives HQ's time off the shelf.
      expect((await shop('o-wang', 'setPicks', { picks: { mode: 'products', productIds: ['p-biluo', 'p-keemun'] } })).ok).toBe(true)
    })
  })

  describe('the shop home', () => {
    let shopId: string
    const titles = (answer: any) => answer.data.items.map((p: any) => p._id)
    const products = (payload: Record<string, unknown> = {}) => shop('o-visitor', 'listShopProducts', { shopId, ...payload })
    const pick = (picks: unknown) => shop('o-wang', 'setPicks', { picks })

    beforeAll(async () => {
      shopId = (await shop('o-wang', 'getMyShop', {})).data.shop._id
    })

    it('shows the shop’s card to anyone, with the owner’s roster name and never their openid', async () => {
      const card = await callAs(t.cloud, undefined, 'shop', 'getShop', { shopId })
      expect(card).toEqual({ ok: true, data: { _id: shopId, name: '芳姐茶铺', avatar: 'cloud://env/avatars/wang.png', intro: '西湖边的好茶', ownerName: '王芳', status: 'active' } })
      expect(JSON.stringify(card)).not.toContain('o-wang')
      expect(await shop('o-visitor', 'getShop', { shopId: 'no-such-shop' })).toMatchObject({ ok: false, error: { code: 'SHOP_NOT_FOUND' } })
    })

    it('products picked one by one: in the owner’s order, off-shelf ones left out, page by page', async () => {
      await pick({ mode: 'products', productIds: ['p-dianhong', 'p-biluo', 'p-longjing', 'p-keemun'] })
      const first = await products({ pageSize: 2 })
      expect([titles(first), first.data.hasMore]).toEqual([['p-dianhong', 'p-longjing'], true])
      const second = await products({ page: 1, pageSize: 2 })
      expect([titles(second), second.data.hasMore]).toEqual([['p-keemun'], false])
      expect(first.data.items[0]).toEqual({ _id: 'p-dianhong', title: '滇红金芽', subtitle: '', coverImage: '/assets/p-dianhong.jpg', minPriceFen: 6800, maxPriceFen: 6800 })
      expect(titles(await products({ keyword: '红' }))).toEqual(['p-dianhong', 'p-keemun'])
    })

    it('whole categories: category by category in the owner’s order, HQ’s order within, across pages', async () => {
      await pick({ mode: 'categories', categoryIds: ['cat-black', 'cat-green'] })
      const pages = [await products({ pageSize: 2 }), await products({ page: 1, pageSize: 2 }), await products({ page: 2, pageSize: 2 })]
      expect(pages.map((p) => [titles(p), p.data.hasMore])).toEqual([
        [['p-keemun', 'p-dianhong'], true],
        [['p-jinjunmei', 'p-longjing'], true],
        [['p-maofeng'], false],
      ])
      expect(titles(await products({ keyword: '红茶' }))).toEqual(['p-keemun', 'p-jinjunmei'])
    })

    it('the whole catalog: HQ’s shelf in HQ’s order', async () => {
      await pick({ mode: 'all' })
      expect(titles(await products())).toEqual(['p-keemun', 'p-longjing', 'p-dianhong', 'p-maofeng', 'p-jinjunmei'])
      expect(titles(await products({ keyword: '龙井' }))).toEqual(['p-longjing'])
      expect(titles(await products({ keyword: '！？' }))).toEqual([])
    })

    it('every read of the shop home, of 我的小店 and of a verification is served by an index', async () => {
      const scans = async (calls: () => Promise<unknown>) => {
        log.length = 0
        await calls()
        await new Promise((resolve) => setTimeout(resolve, 50)) // the last request's line is written after its answer
        expect(log.filter((line) => line.includes('(index ')).length).toBeGreaterThan(0)
        return log.filter((line) => line.includes('scan'))
      }
      for (const picks of [{ mode: 'all' }, { mode: 'categories', categoryIds: ['cat-black', 'cat-green'] }, { mode: 'products', productIds: ['p-maofeng', 'p-longjing'] }]) {
        await pick(picks)
        expect(await scans(async () => [await shop('o-visitor', 'getShop', { shopId }), await products(), await products({ keyword: '龙井', page: 1, pageSize: 1 })])).toEqual([])
      }
      expect(await scans(async () => [await shop('o-wang', 'getMyShop', {}), await verify('o-plan', 'E1', '0000')])).toEqual([])
    })

    it('a customer of an offboarded employee sees a closed shop with nothing in it', async () => {
      const closing = await employeeWithShop(t.cloud, 'E8', 'o-e8', '蒋雪')
      await bindCustomer(t.db, 'o-e8-customer', closing)
      await hq(t.cloud, 'deactivateEmployee', { employeeNo: 'E8', reassignTo: { to: 'hq' } })
      expect((await shop('o-visitor', 'getShop', { shopId: closing._id })).data.status).toBe('closed')
      expect((await shop('o-visitor', 'listShopProducts', { shopId: closing._id })).data).toEqual({ items: [], hasMore: false })
      expect(await shop('o-e8', 'updateShop', { profile: { name: '还想改' } })).toMatchObject({ ok: false, error: { code: 'EMPLOYEE_REQUIRED' } })
    })
  })
})
