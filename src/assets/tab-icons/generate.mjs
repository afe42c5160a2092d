// Renders the tab bar icons (normal + selected colour) with ../icon-drawing.mjs, so the repository
// carries their source instead of opaque downloads. Run: node src/assets/tab-icons/generate.mjs
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { disc, polyline, renderPng, ring, roundedRect } from '../icon-drawing.mjs'

const COLORS = { normal: [0x8c, 0x8a, 0x82], active: [0x2f, 0x6b, 0x4f] }

const roundedSquare = (cx, cy, half, radius) => roundedRect(cx, cy, half, half, radius)

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

const outDir = dirname(fileURLToPath(import.meta.url))
for (const [name, shapes] of Object.entries(ICONS)) {
  writeFileSync(join(outDir, `${name}.png`), renderPng(shapes, COLORS.normal))
  writeFileSync(join(outDir, `${name}-active.png`), renderPng(shapes, COLORS.active))
}
