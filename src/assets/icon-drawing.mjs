// What the icon generators (tab-icons/, order-icons/) draw with, so the tab bar and 我的订单 icons share
// one stroke, one size and one renderer. Shapes are signed-distance functions; the pixel coverage
// 0.5 - distance gives anti-aliased edges without supersampling, and PNGs are written with node:zlib
// so no image library is needed.
import { deflateSync } from 'node:zlib'

/** Icons are 81x81: WeChat's recommended tab bar icon size. */
const SIZE = 81
const HALF_STROKE = 3

const segment = (ax, ay, bx, by) => (x, y) => {
  const dx = bx - ax
  const dy = by - ay
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
  return Math.hypot(x - ax - t * dx, y - ay - t * dy)
}

const stroke = (distance) => (x, y) => distance(x, y) - HALF_STROKE

export const polyline = (points) => {
  const parts = points.slice(1).map(([bx, by], i) => segment(points[i][0], points[i][1], bx, by))
  return stroke((x, y) => Math.min(...parts.map((part) => part(x, y))))
}

export const ring = (cx, cy, r) => stroke((x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r))

export const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r

export const roundedRect = (cx, cy, halfW, halfH, radius) => stroke((x, y) => {
  const qx = Math.abs(x - cx) - halfW + radius
  const qy = Math.abs(y - cy) - halfH + radius
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return Math.abs(outside + Math.min(Math.max(qx, qy), 0) - radius)
})

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

/** The union of `shapes` in one colour ([r, g, b]) on a transparent square, as PNG bytes. */
export const renderPng = (shapes, [r, g, b]) => {
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
