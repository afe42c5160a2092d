import { randomUUID } from 'node:crypto'
import { demoCommissionBuyer, demoCommissionOrders, demoWithdrawalFen } from '../demo/commission'
import { demoPersonas, demoShops } from '../demo/personas'
import { addDays } from '../src/core/time'

const openidOf = (key: string) => demoPersonas.find((p) => p.key === key)!.openid

/**
 * 王芳's commission history, made by the real flows against the running local cloud, so every
 * payment, transfer and entry is one the local WeChat Pay and the ledger both know: 周建国 places
 * and pays his orders in the cashier, HQ ships, he confirms receipt; the settlement job runs as of a
 * week and a minute later for the orders past their window (so their releases are dated then);
 * 王芳 withdraws, HQ approves and she confirms the transfer. Runs once, right after seedDemo loaded
 * an empty shop.
 */
export async function seedDemoCommission(cloudUrl: string): Promise<void> {
  const wang = openidOf(demoShops[0].ownerKey)
  const zhou = openidOf(demoCommissionBuyer.personaKey)
  const hq = demoPersonas.find((p) => p.role === 'hq_admin')!.openid
  const call = async (openid: string, fn: string, action: string, payload: unknown = {}) => {
    const response = await fetch(`${cloudUrl}/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, payload }),
    })
    const body = (await response.json()) as { result?: { ok: boolean; data?: any; error?: unknown } }
    if (!body.result?.ok) throw new Error(`demo commission: ${fn}.${action} answered ${JSON.stringify(body)}`)
    return body.result.data
  }
  const dev = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${cloudUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    if (!response.ok) throw new Error(`demo commission: ${path} answered ${response.status} ${await response.text()}`)
    return response.json() as Promise<any>
  }
  /** Payment notifications and transfer results arrive on their own, as WeChat's do: ask until they have. */
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < 200; i++) {
      const value = await read()
      if (done(value)) return value
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error('demo commission: a notification never came')
  }

  const { _id: addressId } = await call(zhou, 'address', 'saveAddress', { address: demoCommissionBuyer.address })
  const receive = async (orderId: string, trackingNo: string) => {
    await call(hq, 'hq-orders', 'shipOrders', { orders: [{ orderId, carrierId: 'SF', trackingNo }] })
    await call(zhou, 'order', 'confirmReceipt', { orderId })
  }
  const placed: Array<{ orderId: string; stage: string }> = []
  for (const order of demoCommissionOrders) {
    const { _id: orderId } = await call(zhou, 'order', 'placeOrder', { requestId: randomUUID(), lines: order.lines, addressId })
    const { payment } = await call(zhou, 'order', 'payOrder', { orderId })
    await dev('/dev/cashier/pay', { package: payment.package })
    await until(() => call(zhou, 'order', 'getOrder', { orderId }), (o) => o.status === 'paid')
    placed.push({ orderId, stage: order.stage })
  }
  let tracking = 0
  for (const { orderId } of placed.filter((o) => o.stage === 'released')) await receive(orderId, `SF70012${++tracking}`)
  await dev(`/triggers/timers/settleCommissions?time=${addDays(new Date(Date.now() + 60_000), 7).toISOString()}`)
  for (const { orderId } of placed.filter((o) => o.stage === 'received')) await receive(orderId, `SF70012${++tracking}`)

  const asked = await call(wang, 'commission', 'requestWithdrawal', { requestId: randomUUID(), amountFen: demoWithdrawalFen })
  await call(hq, 'hq', 'approveWithdrawal', { withdrawalId: asked._id })
  const { items } = await call(wang, 'commission', 'listWithdrawals', { page: 0, pageSize: 1 })
  await dev('/dev/transfer/confirm', { package: items[0].confirm.package })
  await until(() => call(wang, 'commission', 'refreshWithdrawal', { withdrawalId: asked._id }), (w) => w.status === 'paid')
}
