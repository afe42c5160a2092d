// Renders the 我的订单 status icons on 我的 (brand green), drawn like the tab bar icons with
// ../icon-drawing.mjs. Run: node src/assets/order-icons/generate.mjs
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { disc, polyline, renderPng, ring, roundedRect } from '../icon-drawing.mjs'

const COLOR = [0x2f, 0x6b, 0x4f]

const ICONS = {
  // 待付款: a wallet with its clasp
  'pending-payment': [
    roundedRect(40.5, 44, 29, 22, 6),
    polyline([[18, 22], [52, 12], [56, 22]]),
    roundedRect(60, 44, 9, 7, 3),
    disc(59, 44, 2.5),
  ],
  // 待发货: a parcel with its tape
  paid: [
    roundedRect(40.5, 44, 27, 25, 4),
    polyline([[13.5, 31], [67.5, 31]]),
    polyline([[34, 19], [34, 44], [40.5, 40], [47, 44], [47, 19]]),
  ],
  // 待收货: a delivery van
  shipped: [
    polyline([[8, 56], [8, 20], [48, 20], [48, 56]]),
    polyline([[48, 32], [62, 32], [73, 45], [73, 56], [67, 56]]),
    polyline([[30, 56], [50, 56]]),
    ring(22, 58, 7),
    ring(58, 58, 7),
  ],
  // 已完成: a tick in a circle
  completed: [
    ring(40.5, 40.5, 29),
    polyline([[27, 41], [37, 51], [55, 31]]),
  ],
}

const outDir = dirname(fileURLToPath(import.meta.url))
for (const [name, shapes] of Object.entries(ICONS)) {
  writeFileSync(join(outDir, `${name}.png`), renderPng(shapes, COLOR))
}
