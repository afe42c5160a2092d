/**
 * placeOrder benchmark: the local cloud in its own process running the real `order` function, buyers
 * calling it over HTTP as the mini program does. Prints throughput and p50/p99 latency at concurrency
 * 1, 10 and 50, then races many buyers for a small stock and prints the oversell count (must be 0).
 * Before those, the CPU one placeOrder costs (the local cloud's process and its function workers,
 * from /proc: Linux only), over BENCH_CPU_ORDERS orders placed one after another.
 *
 *   npx tsx test/perf/place-order-bench.ts        (BENCH_ORDERS=200 orders per level by default)
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import { startCloudProcess } from '../support/cloud-process'
import { connectSdk, tempDir } from '../support/local-cloud'
import { TEST_ADDRESS, addTestCatalog } from '../support/shop-fixtures'
import { report } from './figures'

const ORDERS = Number(process.env.BENCH_ORDERS ?? 200)
const CPU_ORDERS = Number(process.env.BENCH_CPU_ORDERS ?? 300)

/** CPU time (user + system, ms) a process and all its descendants have used so far, from /proc. */
function cpuMsOfTree(pid: number): number {
  const ticksPerMs = 100 / 1000 // USER_HZ is 100 on Linux
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const own = (Number(fields[11]) + Number(fields[12])) / ticksPerMs
    const children = fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean))
      .map(Number)
    return own + children.reduce((sum, child) => sum + cpuMsOfTree(child), 0)
  } catch {
    return 0 // the process ended meanwhile
  }
}

async function main() {
  const cloud = await startCloudProcess(tempDir('bench-orders'))
  const call = async (openid: string, fn: string, action: string, payload: unknown) => {
    const response = await fetch(`${cloud.url}/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
      body: JSON.stringify({ action, payload }),
    })
    return ((await response.json()) as any).result
  }
  try {
    const db = (await connectSdk(cloud.url)).database()
    await addTestCatalog(db, { 'tea-100g': 1_000_000, 'tea-250g': 1_000_000 })
    await db.collection('skus').add({ data: { _id: 'tea-500g', productId: 'p-tea', specs: { 规格: '500g' }, priceFen: 29800, stock: 1_000_000 } })
    const buyers = Array.from({ length: 50 }, (_, i) => `o-bench-${i}`)
    // The bench's buyers place over a thousand orders and pay none: HQ's highest unpaid-order limit,
    // and each order from the next buyer in turn, keep them all under it.
    await db.collection('settings').doc('orderRules').set({ data: { rules: { version: 2, maxUnpaidOrders: 50 }, updatedAt: new Date() } })
    let turn = 0
    const nextBuyer = () => buyers[turn++ % buyers.length]
    const addresses = new Map<string, string>()
    for (const openid of buyers) addresses.set(openid, (await call(openid, 'address', 'saveAddress', { address: TEST_ADDRESS })).data._id)
    const place = (openid: string, skuId: string) =>
      call(openid, 'order', 'placeOrder', { requestId: randomUUID(), lines: [{ skuId, quantity: 1 }], addressId: addresses.get(openid) })

    console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, node ${process.version}`)
    // Warm the function instances so the first level does not pay for their start.
    await Promise.all(buyers.map((b) => place(b, 'tea-100g')))

    // Three 3-line orders per buyer in turn, one at a time, so the figure is the work of an order and not of waiting.
    const threeLines = (openid: string) =>
      call(openid, 'order', 'placeOrder', {
        requestId: randomUUID(),
        lines: [{ skuId: 'tea-100g', quantity: 1 }, { skuId: 'tea-250g', quantity: 1 }, { skuId: 'tea-500g', quantity: 1 }],
        addressId: addresses.get(openid),
      })
    for (let i = 0; i < 20; i++) await threeLines(nextBuyer())
    const cpuBefore = cpuMsOfTree(cloud.child.pid!)
    const wallBefore = performance.now()
    for (let i = 0; i < CPU_ORDERS; i++) {
      const answer = await threeLines(nextBuyer())
      if (!answer?.ok) throw new Error(`placeOrder failed: ${JSON.stringify(answer)}`)
    }
    const cpuMs = (cpuMsOfTree(cloud.child.pid!) - cpuBefore) / CPU_ORDERS
    const wallMs = (performance.now() - wallBefore) / CPU_ORDERS
    report('orders', 'placeOrder, 3 lines, one at a time: CPU (local cloud + function)', cpuMs, 'ms')
    report('orders', 'placeOrder, 3 lines, one at a time: wall', wallMs, 'ms')

    for (const concurrency of [1, 10, 50]) {
      const latencies: number[] = []
      let next = 0
      let failed = 0
      const started = performance.now()
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < ORDERS) {
            next++
            const t0 = performance.now()
            const answer = await place(nextBuyer(), 'tea-100g')
            latencies.push(performance.now() - t0)
            if (!answer?.ok) failed++
          }
        }),
      )
      const seconds = (performance.now() - started) / 1000
      latencies.sort((a, b) => a - b)
      const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]
      report('orders', `placeOrder at concurrency ${concurrency}: throughput`, ORDERS / seconds, 'orders/s')
      report('orders', `placeOrder at concurrency ${concurrency}: p50`, pct(50), 'ms')
      report('orders', `placeOrder at concurrency ${concurrency}: p99`, pct(99), 'ms')
      report('orders', `placeOrder at concurrency ${concurrency}: failed`, failed, 'orders')
    }

    const STOCK = 20
    const ATTEMPTS = 150
    await db.collection('skus').add({ data: { _id: 'tea-scarce', productId: 'p-tea', specs: { 规格: '限量' }, priceFen: 9900, stock: STOCK } })
    const answers = await Promise.all(Array.from({ length: ATTEMPTS }, () => place(nextBuyer(), 'tea-scarce')))
    const sold = answers.filter((a) => a?.ok).length
    const outOfStock = answers.filter((a) => a?.error?.code === 'ORDER_OUT_OF_STOCK').length
    const others = answers.filter((a) => !a?.ok && a?.error?.code !== 'ORDER_OUT_OF_STOCK').map((a) => a?.error?.code ?? 'no answer (the function timed out)')
    if (others.length > 0) console.log(`contended SKU: ${others.length} answered otherwise: ${others.join(', ')}`)
    const { data } = await db.collection('skus').doc('tea-scarce').get()
    console.log(`contended SKU: stock ${STOCK}, ${ATTEMPTS} buyers at once → ${sold} sold, ${outOfStock} told 库存不足, stock left ${data.stock}`)
    report('orders', `contended SKU (stock ${STOCK}, ${ATTEMPTS} buyers): oversold`, Math.max(0, sold - STOCK) + Math.max(0, -data.stock), 'units')
  } finally {
    await cloud.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
