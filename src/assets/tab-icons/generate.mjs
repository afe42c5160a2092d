// Renders the tab bar icons (81x81 PNG, normal + selected colour) so the repository carries
// their source instead of opaque downloads. Run: node src/assets/tab-icons/generate.mjs
// Shapes are signed-distance functions; the pixel coverage 0.5 - distance gives anti-aliased edges
// without supersampling, and PNGs are written with node:zlib so no image library is needed.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 81
const HALF_STROKE = 3
const COLORS = { normal: [0x8c, 0x8a, 0x82], active: [0x2f, 0x6b, 0x4f] }

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

const roundedSquare = (cx, cy, half, radius) => stroke((x, y) => {
  const qx = Math.abs(x - cx) - half + radius
  const qy = Math.abs(y - cy) - half + radius
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0))
  return Math.abs(outside + Math.min(Math.max(qx, qy), 0) - radius)
})

const upperArc = (cx, cy, r) => polyline(
  Array.from({ length: 33 }, (_, i) => {
    const angle = (Math.PI * i) / 32
    return [cx + r * Math.cos(angle), cy - r * Math.sin(angle)]
  }),
)

const ICONS = {
  home: [
    polyline([[11, 39], [40.5, 13], [70, 39]]),
    polyline([[20, 33], [20, 68], [61, 68], [61, 33]]),
    polyline([[34, 68], [34, 51], [47, 51], [47, 68]]),
  ],
  category: [
    roundedSquare(25, 25, 12, 4),
    roundedSquare(56, 25, 12, 4),
    roundedSquare(25, 56, 12, 4),
    ring(56, 56, 12),
  ],
  cart: [
    polyline([[8, 15], [18, 15], [26, 53], [62, 53], [70, 26], [21, 26]]),
    disc(31, 64, 5.5),
    disc(58, 64, 5.5),
  ],
  me: [
    ring(40.5, 27, 13),
    upperArc(40.5, 73, 25),
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
  writeFileSync(join(outDir, `${name}.png`), render(shapes, COLORS.normal))
  writeFileSync(join(outDir, `${name}-active.png`), render(shapes, COLORS.active))
}
