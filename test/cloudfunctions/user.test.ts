import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'

describe('user function', () => {
  let t: TestCloud
  beforeAll(async () => {
    t = await startTestCloud()
    await t.db.collection('users').add({
      data: { openid: 'o-emp', nickname: '陈晓茶', role: 'employee', employeeNo: 'E1001', createdAt: new Date() },
    })
  })
  afterAll(() => t.close())

  it('tells the caller who they are, from the OPENID WeChat gives, not from the payload', async () => {
    expect(await callAs(t.cloud, 'o-emp', 'user', 'getProfile', {})).toEqual({
      ok: true,
      data: { nickname: '陈晓茶', role: 'employee', employeeNo: 'E1001' },
    })
    const spoof = await callAs(t.cloud, 'o-stranger', 'user', 'getProfile', { openid: 'o-emp' })
    expect(spoof).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('meets a new caller as a consumer, once, on a users document of their own', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => callAs(t.cloud, 'o-new', 'user', 'getProfile', {})))
    expect(answers).toEqual(Array(3).fill({ ok: true, data: { nickname: '', role: 'consumer' } }))
    const { data } = await t.db.collection('users').where({ openid: 'o-new' }).get()
    expect(data).toMatchObject([{ _id: 'o-new', openid: 'o-new', role: 'consumer' }])
  })

  it('someone WeChat has not signed in is null, not an error', async () => {
    expect(await callAs(t.cloud, undefined, 'user', 'getProfile', {})).toEqual({ ok: true, data: null })
  })
})
