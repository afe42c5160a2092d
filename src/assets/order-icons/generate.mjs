// Renders the 我的订单 status icons on 我的 (81x81 PNG, brand green), the same way as the tab bar
// icons (see ../tab-icons/generate.mjs): signed-distance shapes, anti-aliased by coverage, PNGs
// written with node:zlib. Run: node src/assets/order-icons/generate.mjs
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const HALF_STROKE = 3
const COLOR = [0x2f, 0x6b, 0x4f]

const segment = (ax, ay, bx, by) => (x, y) => {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - ax - t * dx, y - ay - t * dy)
}

const stroke = (distance) => (x, y) => distance(x, y) - HALF_STROKE

const polyline = (points) => {
  const parts = points.slice(1).map(([bx, by], i) => segment(points[i][0], points[i][1], bx, by))
  return stroke((x, y) => Math.min(...parts.map((part) => part(x, y))))
}

const ring = (cx, cy, r) => stroke((x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r))

const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r

const roundedRect = (cx, cy, halfW, halfH, radius) => stroke((x, y) => {
  const qx = Math.abs(x - cx) - halfW + radius
  const qy = Math.abs(y - cy) - halfH + radius
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return Math.abs(outside + Math.min(Math.max(qx, qy), 0) - radius)
})

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

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

const crc32 = (bytes) => {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const chunk = (type, data) => {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

const encodePng = (rgba) => {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) {
    rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const render = (shapes, [r, g, b]) => {
  const rgba = Buffer.alloc(SIZE * SIZE * 4)
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const distance = Math.min(...shapes.map((shape) => shape(x + 0.5, y + 0.5)))
      const coverage = Math.max(0, Math.min(1, 0.5 - distance))
      rgba.set([r, g, b, Math.round(coverage * 255)], (y * SIZE + x) * 4)
    }
  }
  return encodePng(rgba)
}

const outDir = dirname(fileURLToPath(import.meta.url))
for (const [name, shapes] of Object.entries(ICONS)) {
  writeFileSync(join(outDir, `${name}.png`), render(shapes, COLOR))
}
