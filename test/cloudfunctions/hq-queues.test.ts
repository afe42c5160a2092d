import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addHqAdmin, hq, shipOrder } from '../support/employees'
import { TestCloud, startTestCloud } from '../support/local-cloud'
import { paidOrder } from '../support/orders'
import { addTestCatalog } from '../support/shop-fixtures'

describe('hq function: the 工作台', () => {
  let t: TestCloud
  const log: string[] = []

  beforeAll(async () => {
    t = await startTestCloud({ log: (line) => log.push(line) })
    await addHqAdmin(t.db)
    await addTestCatalog(t.db)
  })
  afterAll(() => t.close())

  it('counts what waits, and an order shipped no longer waits', async () => {
    const first = (await paidOrder(t.cloud, 'o-q1')).order
    await paidOrder(t.cloud, 'o-q2')
    const refunding = await paidOrder(t.cloud, 'o-q3')
    expect((await refunding.b.call('order', 'requestRefund', { orderId: refunding.order._id, reason: '买错了' })).ok).toBe(true)

    expect(await hq(t.cloud, 'getWorkbench')).toEqual({ ok: true, data: { toShip: 3, refundsRequested: 1, withdrawalsReviewing: 0, shopsPending: 0 } })
    expect((await shipOrder(t.cloud, first._id, 'SF1234567890')).ok).toBe(true)
    expect((await hq(t.cloud, 'getWorkbench')).data).toMatchObject({ toShip: 2 })
  })

  it('every count is served by an index', async () => {
    log.length = 0
    await hq(t.cloud, 'getWorkbench')
    await new Promise((resolve) => setTimeout(resolve, 50)) // the last request's line is written after its answer
    expect(log.filter((line) => line.includes('(index ')).length).toBeGreaterThan(0)
    expect(log.filter((line) => line.includes('scan'))).toEqual([])
  })
})
