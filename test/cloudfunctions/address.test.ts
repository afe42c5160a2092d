import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCloud, callAs, startTestCloud } from '../support/local-cloud'
import { TEST_ADDRESS } from '../support/shop-fixtures'

describe('address function', () => {
  let t: TestCloud
  const address = (openid: string, action: string, payload?: unknown) => callAs(t.cloud, openid, 'address', action, payload)

  beforeAll(async () => {
    t = await startTestCloud()
  })
  afterAll(() => t.close())

  it('the first address becomes the default; a new default replaces the old one', async () => {
    const home = (await address('o-a', 'saveAddress', { address: TEST_ADDRESS })).data
    expect(home.isDefault).toBe(true)
    const office = (await address('o-a', 'saveAddress', { address: { ...TEST_ADDRESS, detail: '文三路 90 号', isDefault: true } })).data
    const { items } = (await address('o-a', 'listAddresses', {})).data
    expect(items.map((a: any) => [a._id, a.isDefault])).toEqual([
      [office._id, true],
      [home._id, false],
    ])
  })

  it('edits and deletes only the caller’s own addresses; deleting the default promotes another', async () => {
    const { items } = (await address('o-a', 'listAddresses', {})).data
    expect(await address('o-b', 'deleteAddress', { addressId: items[0]._id })).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_FOUND' } })
    expect(await address('o-b', 'saveAddress', { addressId: items[0]._id, address: TEST_ADDRESS })).toMatchObject({ ok: false, error: { code: 'ADDRESS_NOT_FOUND' } })
    await address('o-a', 'deleteAddress', { addressId: items[0]._id })
    const left = (await address('o-a', 'listAddresses', {})).data.items
    expect(left).toHaveLength(1)
    expect(left[0].isDefault).toBe(true)
  })

  it('refuses an invalid address with the field and the rule it broke (the client has the words)', async () => {
    const answer = await address('o-c', 'saveAddress', { address: { ...TEST_ADDRESS, phone: '12345' } })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(answer.error.details.issues).toEqual([{ path: 'address.phone', message: 'ADDRESS_PHONE_INVALID' }])
    expect((await address('o-c', 'listAddresses', {})).data.items).toEqual([])
  })

  it('keeps a phone typed with +86, spaces, dashes or full-width digits as its 11 digits (the same rule as the form)', async () => {
    const saved = (await address('o-d', 'saveAddress', { address: { ...TEST_ADDRESS, phone: '+86 １３８-0013 8000' } })).data
    expect(saved.phone).toBe('13800138000')
    const stored = await t.db.collection('addresses').doc(saved._id).get()
    expect(stored.data.phone).toBe('13800138000')
  })
})
