import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LOCAL_SUBSCRIBE_TEMPLATES, fieldProblem } from '../../local-cloud/openapi/subscribe-message'
import { TestCloud, rejection, startTestCloud } from '../support/local-cloud'

const SHIPPED = LOCAL_SUBSCRIBE_TEMPLATES.order_shipped.id

describe("a template field's value, as WeChat checks it (47003 when it does not fit)", () => {
  it.each([
    ['thing1', '一二三四五六七八九十一二三四五六七八九十', null],
    ['thing1', '一二三四五六七八九十一二三四五六七八九十一', 'thing1 is longer than 20 characters'],
    ['thing1', '  ', 'thing1 is empty'],
    ['character_string2', 'E20261129000001', null],
    ['character_string2', '订单E1', 'character_string2 does not fit a character_string'],
    ['character_string2', 'A'.repeat(33), 'character_string2 is longer than 32 characters'],
    ['amount3', '¥12.30', null],
    ['amount3', '12.30元', null],
    ['amount3', '¥12345678901', 'amount3 does not fit a amount'],
    ['date4', '2026年11月29日 10:03', null],
    ['date4', '2026-11-29', null],
    ['date4', '昨天', 'date4 does not fit a date'],
    ['phrase5', '退款成功', null],
    ['phrase5', '退款已经成功了', 'phrase5 is longer than 5 characters'],
    ['phrase5', 'OK', 'phrase5 does not fit a phrase'],
    ['number6', '3', null],
    ['number6', '三', 'number6 does not fit a number'],
    ['name7', '王芳', null],
    ['name7', '王'.repeat(11), 'name7 does not fit a name'],
  ])('%s = %j: %s', (key, value, problem) => {
    expect(fieldProblem(key, value)).toBe(problem)
  })

})

describe('subscription messages in the local cloud (requestSubscribeMessage, subscribeMessage.send)', () => {
  let t: TestCloud
  const send = (body: Record<string, unknown>) => t.sdk.openapi.subscribeMessage.send(body)
  const message = (change: Record<string, unknown> = {}) => ({
    touser: 'o-sub',
    templateId: SHIPPED,
    page: 'package-orders/pages/detail/index?id=ord-1',
    data: {
      character_string1: { value: 'E20261129000001' },
      thing2: { value: '西湖龙井' },
      thing3: { value: '顺丰速运' },
      character_string4: { value: 'SF1234567890' },
      date5: { value: '2026年11月29日 10:03' },
    },
    miniprogramState: 'formal',
    ...change,
  })
  const subscribe = (openid: string, tmplIds: unknown) =>
    fetch(`${t.cloud.url}/dev/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify({ tmplIds }) })

  beforeAll(async () => {
    t = await startTestCloud()
  })
  afterAll(() => t.close())

  it('the prompt takes up to 3 known templates, and each acceptance allows exactly one message', async () => {
    expect(await (await subscribe('o-sub', [SHIPPED])).json()).toEqual({ errMsg: 'requestSubscribeMessage:ok', [SHIPPED]: 'accept' })
    expect(await send(message())).toMatchObject({ errCode: 0 })
    expect(await rejection(send(message()))).toMatchObject({ errCode: 43101, errMsg: expect.stringContaining('user refuse to accept the msg') })
    expect(await (await subscribe('o-sub', ['no-such-template'])).json()).toMatchObject({ ok: false, errCode: 20001 })
    expect(await (await subscribe('o-sub', [SHIPPED, SHIPPED, SHIPPED, SHIPPED])).json()).toMatchObject({ ok: false, errCode: 20003 })
    expect((await subscribe('', [SHIPPED])).status).toBe(401)
    expect(t.cloud.openapi.calls('subscribeMessage.send').map((call) => [call.params.touser, call.errcode])).toEqual([
      ['o-sub', 0],
      ['o-sub', 43101],
    ])
  })

  it.each([
    ['no touser', { touser: '' }, 40003],
    ['a template the mini program has not added', { templateId: 'no-such-template' }, 40037],
    ['a page the mini program does not have', { page: 'pages/nowhere/index' }, 41030],
    ['a data key the template does not have', { data: { ...message().data, thing9: { value: 'x' } } }, 47003],
    ['a data key left out', { data: { ...message().data, thing2: undefined } }, 47003],
    ['a thing over 20 characters', { data: { ...message().data, thing2: { value: '茶'.repeat(21) } } }, 47003],
    ['a character_string with Chinese in it', { data: { ...message().data, character_string1: { value: '订单E1' } } }, 47003],
    ['a date that is not a date', { data: { ...message().data, date5: { value: '明天' } } }, 47003],
    ['a value that is not { value }', { data: { ...message().data, thing3: '顺丰' } }, 47003],
    ['a mini program state WeChat does not have', { miniprogramState: 'beta' }, 47003],
  ])('refuses %s, with WeChat’s errcode, and spends no subscription', async (_case, change, errcode) => {
    await subscribe('o-sub-2', [SHIPPED])
    const held = t.cloud.openapi.subscriptions.held('o-sub-2', SHIPPED)
    expect((await rejection(send({ ...message(change), touser: 'touser' in change ? change.touser : 'o-sub-2' }))).errCode).toBe(errcode)
    expect(t.cloud.openapi.subscriptions.held('o-sub-2', SHIPPED)).toBe(held)
  })
})
