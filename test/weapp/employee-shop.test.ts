import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { demoPersonas } from '../../demo/personas'
import { startDemoShop, type DemoShop } from '../support/demo-shop'
import { callAs } from '../support/local-cloud'
import { launchMiniProgram, SCENES, type MiniProgram } from '../support/weapp/mini-program'

/**
 * 全员开店 on the weapp build, where sharing is WeChat's: the share handlers (onShareAppMessage,
 * onShareTimeline) are called as WeChat calls them — from the ··· menu or an open-type="share"
 * button — and the paths they give are opened as a friend's phone would open the card, with the
 * card's scene. 吴昊 (on HQ's roster, never verified, new to the shop) verifies, opens his shop,
 * picks two products and shares; 林小雨 opens his chat card, is bound to his shop, picks an address
 * from WeChat's own picker and buys; a friend opens his Moments post, first in single-page mode
 * (no login: the page shows, nothing is recorded), then in the full mini program; another scans his
 * poster's 小程序码 and lands on the product from the scene alone. 吴昊 sees the visits,
 * his masked customer and the order with why it is his. One phone at a time: each person's mini
 * program is launched with their own OPENID and storage.
 */
const WU = 'o-weapp-newcomer-wu'
const MOMENTS_FRIEND = 'o-weapp-moments-friend'
const POSTER_FRIEND = 'o-weapp-poster-friend'
const LIN = demoPersonas.find((p) => p.key === 'consumer-lin')!
const LONGJING = 'p-longjing-mingqian'

describe('an employee opens a shop and shares it in WeChat; friends buy through the shares', () => {
  let shop: DemoShop
  let mp: MiniProgram
  const wuStorage = new Map<string, unknown>()
  let shopId = ''
  let sharePath = ''
  let shareCode = ''
  let momentsQuery = ''

  const page = () => mp.page
  /** Puts this person's phone in hand: the last one's mini program closes. */
  const phoneOf = async (openid: string, options: { path?: string; scene?: number; storage?: Map<string, unknown> } = {}) => {
    await mp?.close()
    mp = await launchMiniProgram({ cloud: shop.cloud, openid, ...options })
    return mp
  }

  beforeAll(async () => {
    shop = await startDemoShop()
  })
  afterEach(() => {
    expect(mp?.errors ?? []).toEqual([])
  })
  afterAll(async () => {
    await mp?.close()
    await shop?.close()
  })

  it('吴昊 verifies as an employee from 我的: a wrong code is refused, the roster code lets him in', async () => {
    await phoneOf(WU, { path: '/pages/me/index', storage: wuStorage })
    await page().waitFor('.me__name', { hasText: '微信用户' })
    await page().tap('.me__verify')
    expect(page().route).toBe('package-shop/pages/verify/index')
    await page().input('.verify__employee-no', 'E1005')
    await page().input('.verify__code', '0000')
    await page().tap('.verify__submit')
    await page().waitFor('.verify__error', { hasText: '工号或验证码不正确' })

    await page().input('.verify__code', '9157')
    await page().tap('.verify__submit')
    // 我的小店 replaces the form: going back skips it.
    await page().waitFor('.my-shop__open')
    expect(page().route).toBe('package-shop/pages/home/index')
    expect(mp.records.navigations.at(-1)).toMatchObject({ api: 'redirectTo' })
    expect(page().text('.my-shop__welcome')).toContain('工号 E1005 · 市场部')
  })

  it('opens his shop in one screen, prefilled from the roster', async () => {
    await page().tap('.my-shop__open')
    await page().waitFor('.shop-form__save')
    expect(page().attr('.shop-form__name', 'value')).toBe('吴昊的小店')
    expect(String(page().attr('.shop-form__intro', 'value'))).toContain('市场部')
    await page().tap('.shop-form__save')

    await page().waitFor('.my-shop .shop-identity__name', { hasText: '吴昊的小店' })
    expect(page().text('.my-shop .shop-identity__status')).toBe('营业中')
    const opened = (await shop.db.collection('shops').where({ ownerOpenid: WU }).get()).data
    expect(opened).toHaveLength(1)
    shopId = opened[0]._id
  })

  it('picks two products one by one, 碧螺春 moved ahead of 龙井', async () => {
    await page().tap('.my-shop__tool', { hasText: '选品' })
    await page().tap('.picks__mode', { hasText: '逐个挑选' })
    await page().tap('.picker__add', { hasText: '西湖龙井 明前特级' })
    await page().tap('.picker__add', { hasText: '洞庭碧螺春 一级' })
    await page().within('.picker__row--chosen', { hasText: '洞庭碧螺春' }).tap('.picker__action', { hasText: '↑' })
    expect(page().texts('.picker__row--chosen .picker__label')).toEqual(['洞庭碧螺春 一级', '西湖龙井 明前特级'])
    await page().tap('.picks__save')
    await expect.poll(async () => (await shop.db.collection('shops').doc(shopId).get()).data.picks).toEqual({
      mode: 'products',
      productIds: ['p-biluochun-dongting', LONGJING],
    })
  })

  it('shares his shop home from the ··· menu, to a chat and to Moments, each with his own code', async () => {
    await mp.open(`/pages/shop/index?id=${shopId}`)
    await page().waitFor('.shop-home .shop-identity__name', { hasText: '吴昊的小店' })
    await page().waitFor('.product-card')
    expect(page().texts('.product-card__title')).toEqual(['洞庭碧螺春 一级', '西湖龙井 明前特级'])

    const chat = await page().share()
    expect(chat.title).toContain('吴昊的小店')
    expect(chat.path).toMatch(new RegExp(`^/pages/shop/index\\?id=${shopId}&sc=[2-9a-z]{10}$`))
    const moments = await page().shareTimeline()
    expect(moments.query).toMatch(new RegExp(`^id=${shopId}&sc=[2-9a-z]{10}$`))
    // One code per channel, so a visit says where it came from.
    expect(moments.query.split('sc=')[1]).not.toBe(chat.path!.split('sc=')[1])
  })

  it('shares 西湖龙井 with the 分享给好友 button: WeChat asks the page, the card carries his code, and the share counts', async () => {
    await page().tap('.product-card', { hasText: '西湖龙井' })
    await page().waitFor('.product__title', { hasText: '西湖龙井 明前特级' })
    expect(page().query.shop).toBe(shopId)
    await page().waitFor('.share-bar__poster')
    const counted = mp.records.cloudCalls.filter((c) => c.action === 'recordShare').length

    await page().tap('.share-bar__friend')
    const card = mp.shares.at(-1)!
    expect(card.from).toBe('button')
    expect(card.path).toMatch(new RegExp(`^/pages/product/index\\?id=${LONGJING}&sc=[2-9a-z]{10}$`))
    sharePath = card.path!
    shareCode = new URLSearchParams(sharePath.split('?')[1]).get('sc')!
    expect(mp.records.cloudCalls.filter((c) => c.action === 'recordShare').length).toBe(counted + 1)

    // 复制链接 copies the same path, with WeChat's own 内容已复制.
    await page().tap('.share-bar__copy')
    expect(mp.records.clipboard.at(-1)).toBe(sharePath)
    expect(mp.records.toasts.at(-1)?.title).toBe('内容已复制')

    const moments = await page().shareTimeline()
    momentsQuery = moments.query
    expect(momentsQuery).toMatch(new RegExp(`^id=${LONGJING}&sc=[2-9a-z]{10}$`))
  })

  it('has a share page in package-shop whose chat card is his product link', async () => {
    await mp.open(`/package-shop/pages/share/index?productId=${LONGJING}`)
    await page().waitFor('.share__subject', { hasText: '西湖龙井 明前特级' })
    await page().tap('.share__friend')
    expect(mp.shares.at(-1)).toMatchObject({ from: 'button', route: 'package-shop/pages/share/index', path: sharePath })
  })

  it('林小雨 opens his chat card on her phone: she lands on 西湖龙井 in his shop and is bound to it', async () => {
    await phoneOf(LIN.openid, { path: sharePath, scene: SCENES.chatCard })
    expect(page().route).toBe('pages/product/index')
    await page().waitFor('.product__title', { hasText: '西湖龙井 明前特级' })
    await page().waitFor('.product__shop-name', { hasText: '吴昊的小店' })
    expect(mp.records.cloudCalls[0]).toMatchObject({ name: 'referral', action: 'recordVisit', payload: { shareCode, channel: 'chat' } })
    // She passes on the code she came with, never one of her own, and makes no poster.
    expect((await page().share()).path).toBe(sharePath)
    expect(page().has('.share-bar__poster')).toBe(false)

    const binding = await callAs(shop.cloud, LIN.openid, 'referral', 'getMyBinding', {})
    expect(binding.data?.shop._id).toBe(shopId)
  })

  it('she buys 50g 礼盒 with an address from WeChat’s own picker, pays, and the order says whose shop recommended it', async () => {
    await page().tap('.product__chip', { hasText: /^50g$/ })
    await page().tap('.product__chip', { hasText: /^礼盒$/ })
    expect(page().text('.product__price')).toBe('¥198.00')
    await page().tap('.purchase-bar__buy')

    await page().tap('.checkout__address--empty')
    await page().tap('.address-form__wechat')
    await (await mp.addressSheet()).choose({
      userName: '林小雨',
      telNumber: '13812345678',
      provinceName: '浙江省',
      cityName: '杭州市',
      countyName: '西湖区',
      detailInfo: '龙井路 18 号',
    })
    // The picked address is checked and saved at once; the checkout has it.
    expect(page().route).toBe('package-orders/pages/checkout/index')
    await page().waitFor('.delivery-address__name', { hasText: '林小雨' })
    await page().waitFor('.amounts__payable', { hasText: '¥198.00' })

    await page().tap('.checkout__submit')
    await (await mp.paySheet()).pay()
    await page().waitFor('.status-header__status', { hasText: '待发货' })
    expect(page().text('.order-detail__recommended')).toBe('由 吴昊 的小店推荐 ›')

    const order = (await shop.db.collection('orders').doc(decodeURIComponent(page().query.id)).get()).data
    expect(order.attribution).toMatchObject({ shopId, reason: 'shop_page', shareCode, channel: 'chat', ownerOpenid: WU })
  })

  it('a friend opens his Moments post: the single page shows the product with no login and records nothing; 前往小程序 records the visit', async () => {
    const path = `/pages/product/index?${momentsQuery}`
    await phoneOf(MOMENTS_FRIEND, { path, scene: SCENES.momentsSinglePage })
    await page().waitFor('.product__title', { hasText: '西湖龙井 明前特级' })
    expect(page().text('.product__price')).toBe('¥158.00 - ¥688.00')
    expect(mp.records.cloudCalls.filter((c) => c.action === 'recordVisit')).toEqual([])

    // 前往小程序: WeChat starts the full mini program on the same page and query, with the phone's
    // own storage (a single page's is apart), so the code comes again from the query.
    await phoneOf(MOMENTS_FRIEND, { path, scene: SCENES.momentsEntered })
    await page().waitFor('.product__shop-name', { hasText: '吴昊的小店' })
    const visits = mp.records.cloudCalls.filter((c) => c.action === 'recordVisit')
    expect(visits).toEqual([expect.objectContaining({ payload: expect.objectContaining({ channel: 'moments' }) })])
    const binding = await callAs(shop.cloud, MOMENTS_FRIEND, 'referral', 'getMyBinding', {})
    expect(binding.data?.shop._id).toBe(shopId)
  })

  it('a friend scans the 小程序码 of his poster: the page learns its product and shop from the scene alone', async () => {
    // The poster's own code (its canvas is drawn only by WeChat; the H5 e2e decodes a real one).
    const poster = await callAs(shop.cloud, WU, 'referral', 'createShare', { productId: LONGJING, channel: 'poster' })
    expect(poster.ok).toBe(true)
    // WeChat opens the code's page with the scene in the query, URL-encoded, and nothing else.
    await phoneOf(POSTER_FRIEND, { path: `/pages/product/index?scene=${encodeURIComponent(poster.data.shareCode)}`, scene: SCENES.qrCode })
    await page().waitFor('.product__title', { hasText: '西湖龙井 明前特级' })
    await page().waitFor('.product__shop-name', { hasText: '吴昊的小店' })
    expect(mp.records.cloudCalls[0]).toMatchObject({ action: 'recordVisit', payload: { shareCode: poster.data.shareCode, channel: 'poster' } })
  })

  it('吴昊 sees the visits and binds in his figures, 林小雨 masked among his customers, and why her order is his', async () => {
    await phoneOf(WU, { path: '/package-shop/pages/stats/index', storage: wuStorage })
    await page().waitFor('.stats__visits-chat', { hasText: '1' })
    expect(page().text('.stats__visits-moments')).toBe('1')
    expect(page().text('.stats__visits-poster')).toBe('1')
    expect(page().text('.stats__binds')).toBe('3')
    expect(page().text('.stats__orders')).toBe('1')

    await mp.open('/package-shop/pages/customers/index')
    const customer = await page().waitFor('.customer', { hasText: '微信聊天' })
    const name = page().within('.customer', { hasText: '微信聊天' }).text('.customer__name')
    expect(customer).toBeDefined()
    expect(name).not.toBe('林小雨')
    expect(name).toMatch(/^林.*\*/)

    await mp.open('/package-shop/pages/orders/index')
    await page().waitFor('.shop-order')
    expect(page().text('.shop-order__title')).toContain('西湖龙井')
    await page().tap('.why-mine')
    expect(page().texts('.chain__kind')).toEqual(['分享', '访问', '绑定', '下单'])
    const steps = page().texts('.chain__text')
    expect(steps[0]).toContain(shareCode)
    expect(steps[1]).toContain('微信聊天')
    expect(steps[3]).toMatch(/在小店里下单 · 归属规则第 \d+ 版/)
  })
})
