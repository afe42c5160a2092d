import { randomUUID } from 'node:crypto'
import type { LocalCloud } from '../../local-cloud/server'
import { callAs } from './local-cloud'
import { TEST_ADDRESS } from './shop-fixtures'

/** A buyer of the test shop: their address is saved once, and each call goes out as them. */
export function buyer(cloud: LocalCloud, openid: string) {
  let addressId: string | undefined
  const call = (fn: string, action: string, payload?: unknown) => callAs(cloud, openid, fn, action, payload)
  return {
    openid,
    call,
    async addressId(): Promise<string> {
      addressId ??= (await call('address', 'saveAddress', { address: TEST_ADDRESS })).data._id
      return addressId!
    },
    async place(lines: Array<{ skuId: string; quantity: number }>, extra: Record<string, unknown> = {}) {
      return call('order', 'placeOrder', { requestId: randomUUID(), lines, addressId: await this.addressId(), ...extra })
    },
    /** Pays as the H5 cashier does: the order's payment params, then "pay" at the local cloud's cashier. */
    async pay(orderId: string) {
      const started = await call('order', 'payOrder', { orderId })
      if (!started.ok) return started
      const response = await fetch(`${cloud.url}/dev/cashier/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ package: started.data.payment.package }),
      })
      return { ok: response.ok, status: response.status, body: await response.json() }
    },
    order: async (orderId: string) => (await call('order', 'getOrder', { orderId })).data,
  }
}

/** An order of one unit of `skuId`, placed and paid by `openid` through the cashier, once the notification has marked it paid. */
export async function paidOrder(cloud: LocalCloud, openid: string, skuId = 'tea-100g') {
  const b = buyer(cloud, openid)
  const { data: order } = await b.place([{ skuId, quantity: 1 }])
  await b.pay(order._id)
  await eventually(() => b.order(order._id), (o) => o.status === 'paid')
  return { b, order }
}

export async function post(cloud: LocalCloud, path: string, body: unknown = {}) {
  const response = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return response.json() as Promise<any>
}

/** Waits until `check` passes (notifications are delivered asynchronously, as WeChat's are). */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await read()
    if (check(value)) return value
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(value)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
