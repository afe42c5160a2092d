/**
 * Draws every picture of the 云岭茶舍 demo brand as SVG and has a local headless Chromium photograph it:
 *
 *   demo/assets/products/<productId>-<n>.jpg   600×600 product shots (n=1 main, 2.. variations)
 *   demo/assets/categories/<categoryId>.png    96×96 round category icons
 *   demo/assets/brand/logo.png                 160×160 seal-style brand mark
 *
 * Run from the repository root:  npx tsx demo/render-images.ts
 *
 * Nothing is downloaded: shapes are plain SVG, text uses the system's WenQuanYi Micro Hei
 * (Debian: apt-get install fonts-wqy-microhei). Every image is deterministic (seeded by its file name).
 */
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { HEADLESS_ARGS, browserExecutable } from '../scripts/browser'
import { demoCategories, demoProducts, type DemoProduct } from './catalog'

const HERE = dirname(fileURLToPath(import.meta.url))
const ASSETS = join(HERE, 'assets')
const FONT = `'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', sans-serif`
const SEAL_RED = '#b03a2e'

// ───────────────────────────── small helpers ─────────────────────────────

type Rng = () => number

/** mulberry32 seeded with a string hash: the same file name always gets the same picture */
function seeded(seed: string): Rng {
  let h = 1779033703 ^ seed.length
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
    h = (h << 13) | (h >>> 19)
  }
  let a = h >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const between = (r: Rng, lo: number, hi: number) => lo + (hi - lo) * r()
const pick = <T,>(r: Rng, xs: T[]): T => xs[Math.floor(r() * xs.length)]
const f = (n: number) => (Math.round(n * 10) / 10).toString()

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '')
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number]
}
function toHex([r, g, b]: number[]): string {
  return '#' + [r, g, b].map((c) => Math.max(0, Math.min(255, Math.round(c))).toString(16).padStart(2, '0')).join('')
}
/** mix a colour towards white (amount > 0) or black (amount < 0) */
function shade(hex: string, amount: number): string {
  const c = rgb(hex)
  return toHex(c.map((v) => (amount >= 0 ? v + (255 - v) * amount : v * (1 + amount))))
}
function mix(a: string, b: string, t: number): string {
  const x = rgb(a)
  const y = rgb(b)
  return toHex(x.map((v, i) => v + (y[i] - v) * t))
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** Unique ids for gradients inside one picture */
let idCounter = 0
const uid = (p: string) => `${p}${++idCounter}`

function text(s: string, x: number, y: number, size: number, fill: string, extra = ''): string {
  return `<text x="${f(x)}" y="${f(y)}" font-size="${f(size)}" fill="${fill}" font-family="${FONT}" text-anchor="middle" dominant-baseline="central" ${extra}>${esc(s)}</text>`
}

/** Characters stacked top to bottom, centred on x, the first centred on y */
function vtext(s: string, x: number, y: number, size: number, fill: string, gap = 1.12, extra = ''): string {
  return [...s].map((ch, i) => text(ch, x, y + i * size * gap, size, fill, extra)).join('')
}

// ───────────────────────────── look of each category and product ─────────────────────────────

interface Palette {
  bg: [string, string]
  hill: string
  accent: string
  ink: string
  liquor: string
  icon: [string, string]
}

const palettes: Record<string, Palette> = {
  'cat-green': { bg: ['#f5f9ec', '#d3e6bb'], hill: '#6f9a4a', accent: '#4d7a32', ink: '#2e4722', liquor: '#dfe39a', icon: ['#8cbf5e', '#4f8a34'] },
  'cat-black': { bg: ['#fbf0e8', '#e3b59d'], hill: '#9a4a30', accent: '#8a3320', ink: '#4a1e12', liquor: '#b8441c', icon: ['#c8643e', '#8a2f1c'] },
  'cat-oolong': { bg: ['#fcf3df', '#e9c688'], hill: '#b07a2e', accent: '#9a6420', ink: '#4d3312', liquor: '#e0a03a', icon: ['#e2a84a', '#a8691f'] },
  'cat-puer': { bg: ['#f3e9dc', '#b8967a'], hill: '#6b4a33', accent: '#5a3522', ink: '#3a2416', liquor: '#7a2c14', icon: ['#9a6a48', '#4e2e1c'] },
  'cat-white': { bg: ['#fcfbf6', '#e2ddcd'], hill: '#a9a38c', accent: '#8c846a', ink: '#4a4636', liquor: '#ead49a', icon: ['#d6d0bc', '#9c9478'] },
  'cat-herbal': { bg: ['#fdf1f1', '#f5dba8'], hill: '#d48a9a', accent: '#c0567a', ink: '#5a2a3a', liquor: '#efb0ae', icon: ['#f0a0b4', '#d0708a'] },
  'cat-teaware': { bg: ['#eef4f1', '#b4cac1'], hill: '#46605a', accent: '#2f4a44', ink: '#1f2e2b', liquor: '#d99a3a', icon: ['#7fa89a', '#34514a'] },
}

type Pack = 'tin' | 'bag' | 'cake' | 'tuo' | 'teapot' | 'gaiwan' | 'kungfu' | 'travel' | 'giftbox'
type Leaf = 'flat' | 'curly' | 'needle' | 'strip' | 'golden' | 'ball' | 'broad' | 'pearl' | 'mum' | 'rose' | 'grain' | 'shu'
/** main: the package; leaves: dry leaves on a plate; cup: brewed tea; open: gift box opened;
 * detail: close-up of a tea ware; inuse: tea ware with cups; cake: unwrapped tea cake; citrus: 小青柑 close-up;
 * cups4 / leaves4: the four teas of the four-seasons box */
type Scene = 'main' | 'leaves' | 'cup' | 'open' | 'detail' | 'inuse' | 'cake' | 'citrus' | 'cups4' | 'leaves4'

interface Look {
  /** short name printed on the package */
  name: string
  /** grade line: the caption of the main shot */
  sub: string
  pack: Pack
  /** package / ware colour */
  color: string
  leaf: Leaf
  liquor?: string
  /** brew in a tall glass (green teas) rather than a porcelain cup */
  glass?: boolean
  scenes: Scene[]
  /** what sits inside the opened gift box */
  inside?: 'tins' | 'cake' | 'teapot' | 'tins4'
  /** a few green citrus in the main shot */
  citrus?: boolean
}

const looks: Record<string, Look> = {
  'p-longjing-mingqian': { name: '西湖龙井', sub: '明前特级', pack: 'tin', color: '#3f6e3a', leaf: 'flat', liquor: '#e2e49a', glass: true, scenes: ['main', 'leaves', 'cup', 'open'], inside: 'tins' },
  'p-biluochun-dongting': { name: '洞庭碧螺春', sub: '一级', pack: 'tin', color: '#5b8f6a', leaf: 'curly', liquor: '#d9e6a0', glass: true, scenes: ['main', 'leaves', 'cup'] },
  'p-huangshan-maofeng': { name: '黄山毛峰', sub: '特一级', pack: 'tin', color: '#6a7f3a', leaf: 'needle', liquor: '#e6df98', glass: true, scenes: ['main', 'leaves', 'cup'] },
  'p-xinyang-maojian': { name: '信阳毛尖', sub: '雨前一级', pack: 'bag', color: '#c9a475', leaf: 'needle', liquor: '#d6de8c', glass: true, scenes: ['main', 'leaves'] },
  'p-anji-baicha': { name: '安吉白茶', sub: '珍稀白叶', pack: 'tin', color: '#8fb27a', leaf: 'flat', liquor: '#eeeaa8', glass: true, scenes: ['main', 'leaves', 'cup', 'open'], inside: 'tins' },
  'p-liuan-guapian': { name: '六安瓜片', sub: '特级', pack: 'tin', color: '#2f5a4a', leaf: 'broad', liquor: '#d3df8a', glass: true, scenes: ['main', 'leaves'] },
  'p-keemun-xiangluo': { name: '祁门红茶', sub: '香螺特级', pack: 'tin', color: '#8e2f22', leaf: 'strip', liquor: '#b8401a', scenes: ['main', 'leaves', 'cup', 'open'], inside: 'tins' },
  'p-dianhong-jinya': { name: '滇红金芽', sub: '凤庆大叶种', pack: 'bag', color: '#d2a86e', leaf: 'golden', liquor: '#c2561f', scenes: ['main', 'leaves', 'cup'] },
  'p-lapsang-tongmu': { name: '正山小种', sub: '桐木关', pack: 'tin', color: '#3b2a24', leaf: 'strip', liquor: '#a8381a', scenes: ['main', 'cup'] },
  'p-jinjunmei': { name: '金骏眉', sub: '高山芽尖', pack: 'tin', color: '#b0782c', leaf: 'golden', liquor: '#d88a26', scenes: ['main', 'leaves', 'cup', 'open'], inside: 'tins' },
  'p-tieguanyin-qingxiang': { name: '安溪铁观音', sub: '清香型', pack: 'tin', color: '#4a6b3a', leaf: 'ball', liquor: '#e6c95a', scenes: ['main', 'leaves', 'cup', 'open'], inside: 'tins' },
  'p-dahongpao': { name: '武夷大红袍', sub: '正岩岩茶', pack: 'tin', color: '#7a2a22', leaf: 'strip', liquor: '#c8761e', scenes: ['main', 'leaves', 'cup'] },
  'p-dancong-yashixiang': { name: '凤凰单丛', sub: '鸭屎香', pack: 'bag', color: '#c89a62', leaf: 'strip', liquor: '#e3a82e', scenes: ['main', 'leaves', 'cup'] },
  'p-dongding-oolong': { name: '冻顶乌龙', sub: '台湾高山', pack: 'tin', color: '#5a4a2a', leaf: 'ball', liquor: '#d8962a', scenes: ['main', 'cup'] },
  'p-puer-gushu-sheng': { name: '古树生茶', sub: '二〇一九 · 临沧', pack: 'cake', color: '#f3ecdc', leaf: 'strip', liquor: '#d9a23a', scenes: ['main', 'cake', 'cup', 'open'], inside: 'cake' },
  'p-puer-gongting-shu': { name: '宫廷普洱', sub: '熟茶 · 散茶', pack: 'bag', color: '#b88a5a', leaf: 'shu', liquor: '#6e2412', scenes: ['main', 'leaves', 'cup'] },
  'p-puer-xiaotuo': { name: '小沱茶', sub: '熟茶 · 一颗一泡', pack: 'tuo', color: '#f1e8d6', leaf: 'shu', liquor: '#74281a', scenes: ['main', 'cup'] },
  'p-puer-bingdao': { name: '冰岛古树', sub: '二〇二一 · 勐库', pack: 'cake', color: '#f5efe2', leaf: 'strip', liquor: '#e0b04a', scenes: ['main', 'cake', 'cup'] },
  'p-xiaoqinggan': { name: '新会小青柑', sub: '柑普茶', pack: 'tin', color: '#2f6a4a', leaf: 'shu', liquor: '#7a2e16', scenes: ['main', 'citrus', 'cup'], citrus: true },
  'p-baihao-yinzhen': { name: '白毫银针', sub: '福鼎 · 特级', pack: 'tin', color: '#cfc8b4', leaf: 'needle', liquor: '#efdc9a', glass: true, scenes: ['main', 'leaves', 'cup', 'open'], inside: 'tins' },
  'p-baimudan': { name: '白牡丹', sub: '福鼎 · 一级', pack: 'bag', color: '#d9c7a0', leaf: 'broad', liquor: '#e8c97a', scenes: ['main', 'leaves'] },
  'p-shoumei-2016': { name: '寿眉', sub: '二〇一六 · 老白茶', pack: 'cake', color: '#f2ebdb', leaf: 'broad', liquor: '#c9762e', scenes: ['main', 'cake', 'cup'] },
  'p-jasmine-longzhu': { name: '茉莉龙珠', sub: '七窨', pack: 'tin', color: '#7fa890', leaf: 'pearl', liquor: '#e9e49a', glass: true, scenes: ['main', 'leaves', 'cup'] },
  'p-tongxiang-taiju': { name: '桐乡胎菊', sub: '头采', pack: 'bag', color: '#e8c77a', leaf: 'mum', liquor: '#f1e4a2', glass: true, scenes: ['main', 'leaves'] },
  'p-pingyin-rose': { name: '玫瑰花冠', sub: '平阴', pack: 'tin', color: '#b8446a', leaf: 'rose', liquor: '#f2b8b8', glass: true, scenes: ['main', 'leaves', 'cup'] },
  'p-kuqiao': { name: '苦荞茶', sub: '大凉山', pack: 'bag', color: '#c8995e', leaf: 'grain', liquor: '#e2b04a', scenes: ['main', 'leaves'] },
  'p-zisha-xishi': { name: '西施壶', sub: '宜兴原矿紫砂', pack: 'teapot', color: '#7a4535', leaf: 'strip', liquor: '#c8761e', scenes: ['main', 'detail', 'inuse', 'open'], inside: 'teapot' },
  'p-ruyao-gaiwan': { name: '汝窑盖碗', sub: '天青 · 开片', pack: 'gaiwan', color: '#a9c4b6', leaf: 'strip', liquor: '#e0a03a', scenes: ['main', 'detail', 'inuse'] },
  'p-celadon-kungfu-set': { name: '青瓷茶具', sub: '龙泉 · 梅子青', pack: 'kungfu', color: '#8fbf9f', leaf: 'strip', liquor: '#d68a2a', scenes: ['main', 'detail', 'inuse'] },
  'p-travel-teaset': { name: '旅行茶具', sub: '一壶三杯', pack: 'travel', color: '#ece6da', leaf: 'strip', liquor: '#c8761e', scenes: ['main', 'inuse'] },
  'p-gift-four-seasons': { name: '四季名茶', sub: '春夏秋冬 · 四味', pack: 'giftbox', color: '#1f3b36', leaf: 'strip', liquor: '#d99a3a', scenes: ['main', 'open', 'cups4', 'leaves4'], inside: 'tins4' },
}

const captions: Record<Scene, string> = {
  main: '',
  leaves: '干茶',
  cup: '汤色',
  open: '礼盒',
  detail: '细节',
  inuse: '茶席',
  cake: '茶饼',
  citrus: '青柑',
  cups4: '四味',
  leaves4: '四季',
}

// ───────────────────────────── the stage: background, table, brand ─────────────────────────────

function stage(p: Palette, r: Rng): { defs: string; back: string; front: string } {
  const moonX = between(r, 380, 470)
  const defs = `
    <linearGradient id="bg" x1="0" y1="0" x2="0.6" y2="1">
      <stop offset="0" stop-color="${p.bg[0]}"/><stop offset="1" stop-color="${p.bg[1]}"/>
    </linearGradient>
    <radialGradient id="glow" cx="0.5" cy="0.45" r="0.55">
      <stop offset="0" stop-color="#ffffff" stop-opacity="0.6"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/>
    </radialGradient>
    <linearGradient id="table" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${shade(p.bg[1], 0.25)}"/><stop offset="1" stop-color="${shade(p.bg[1], -0.06)}"/>
    </linearGradient>
    <filter id="blur" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="10"/></filter>
    <filter id="blur2" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="3"/></filter>`
  const h1 = between(r, 300, 340)
  const h2 = between(r, 330, 370)
  const back = `
    <rect width="600" height="600" fill="url(#bg)"/>
    <rect width="600" height="600" fill="url(#glow)"/>
    <circle cx="${f(moonX)}" cy="${f(between(r, 120, 160))}" r="${f(between(r, 70, 95))}" fill="#ffffff" opacity="0.42"/>
    <path d="M0,${f(h1 + 40)} C60,${f(h1)} 110,${f(h1 - 30)} 170,${f(h1 + 5)} S270,${f(h1 - 50)} 340,${f(h1 - 5)} S470,${f(h1 - 30)} 530,${f(h1 + 10)} S590,${f(h1 - 10)} 600,${f(h1)} L600,470 L0,470Z" fill="${p.hill}" opacity="0.09"/>
    <path d="M0,${f(h2 + 30)} C90,${f(h2 - 10)} 150,${f(h2 + 10)} 230,${f(h2 - 15)} S380,${f(h2 + 25)} 450,${f(h2 - 5)} S560,${f(h2 + 10)} 600,${f(h2 - 5)} L600,470 L0,470Z" fill="${p.hill}" opacity="0.11"/>
    <path d="M40,${f(h1 + 10)} q30,-14 60,0 q30,14 60,0" stroke="#ffffff" stroke-width="3" fill="none" opacity="0.55" stroke-linecap="round"/>
    <path d="M400,${f(h2 - 30)} q24,-12 48,0 q24,12 48,0 q24,-12 48,0" stroke="#ffffff" stroke-width="3" fill="none" opacity="0.5" stroke-linecap="round"/>
    <rect y="462" width="600" height="138" fill="url(#table)"/>
    <rect y="462" width="600" height="2" fill="#ffffff" opacity="0.55"/>`
  const front = `
    <g transform="translate(34,560)">
      <rect x="0" y="-13" width="26" height="26" rx="4" fill="${SEAL_RED}"/>
      ${text('云', 13, 0, 16, '#fbf4ea')}
      <text x="36" y="0" font-size="17" fill="${p.ink}" opacity="0.78" font-family="${FONT}" dominant-baseline="central" letter-spacing="4">云岭茶舍</text>
    </g>`
  return { defs, back, front }
}

function caption(s: string, p: Palette, sub = ''): string {
  if (!s && !sub) return ''
  const size = 24
  let out = `<line x1="560" y1="40" x2="560" y2="${f(60 + [...s].length * size * 1.1 + 10)}" stroke="${p.ink}" stroke-width="1" opacity="0.35"/>`
  out += vtext(s, 540, 60, size, p.ink, 1.1, 'opacity="0.82" font-weight="bold"')
  if (sub) out += vtext(sub.replace(/ · /g, '·'), 578, 62, 14, p.ink, 1.15, 'opacity="0.6"')
  return out
}

function shadow(cx: number, cy: number, rx: number, ry: number, opacity = 0.22): string {
  return `<ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="#000000" opacity="${opacity}" filter="url(#blur)"/>`
}

// ───────────────────────────── packages ─────────────────────────────

function cylinderGradient(color: string): { id: string; def: string } {
  const id = uid('cyl')
  return {
    id,
    def: `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="${shade(color, -0.35)}"/><stop offset="0.2" stop-color="${shade(color, 0.18)}"/>
      <stop offset="0.45" stop-color="${color}"/><stop offset="0.85" stop-color="${shade(color, -0.25)}"/>
      <stop offset="1" stop-color="${shade(color, -0.45)}"/></linearGradient>`,
  }
}

function label(cx: number, top: number, w: number, h: number, name: string, p: Palette, paper = '#f6f0e2'): string {
  const chars = [...name].length
  const size = Math.min(w * 0.52, (h - 48) / (chars * 1.12))
  const textTop = top + 16 + size / 2 + (h - 48 - chars * size * 1.12) / 2
  return `
    <rect x="${f(cx - w / 2)}" y="${f(top)}" width="${f(w)}" height="${f(h)}" fill="${paper}"/>
    <rect x="${f(cx - w / 2 + 4)}" y="${f(top + 4)}" width="${f(w - 8)}" height="${f(h - 8)}" fill="none" stroke="${p.accent}" stroke-width="1" opacity="0.55"/>
    ${vtext(name, cx, textTop, size, p.ink, 1.12, 'font-weight="bold"')}
    <rect x="${f(cx - 8)}" y="${f(top + h - 28)}" width="16" height="16" rx="2" fill="${SEAL_RED}"/>
    ${text('云', cx, top + h - 20, 10, '#fbf4ea')}`
}

function tin(cx: number, base: number, w: number, h: number, color: string, name: string, p: Palette): { defs: string; svg: string } {
  const g = cylinderGradient(color)
  const lid = cylinderGradient(shade(color, -0.12))
  const ry = w * 0.1
  const x0 = cx - w / 2
  const top = base - h
  const lidH = h * 0.17
  const body = `
    <rect x="${f(x0)}" y="${f(top)}" width="${f(w)}" height="${f(h)}" fill="url(#${g.id})"/>
    <ellipse cx="${f(cx)}" cy="${f(base)}" rx="${f(w / 2)}" ry="${f(ry)}" fill="url(#${g.id})"/>
    <rect x="${f(x0 - 5)}" y="${f(top - 4)}" width="${f(w + 10)}" height="${f(lidH)}" fill="url(#${lid.id})"/>
    <ellipse cx="${f(cx)}" cy="${f(top - 4 + lidH)}" rx="${f(w / 2 + 5)}" ry="${f(ry)}" fill="url(#${lid.id})"/>
    <ellipse cx="${f(cx)}" cy="${f(top - 4)}" rx="${f(w / 2 + 5)}" ry="${f(ry)}" fill="${shade(color, 0.12)}"/>
    <ellipse cx="${f(cx)}" cy="${f(top - 4)}" rx="${f(w / 2 - 6)}" ry="${f(ry - 3)}" fill="none" stroke="${shade(color, 0.35)}" stroke-width="1.2" opacity="0.6"/>
    <rect x="${f(x0)}" y="${f(top + lidH + 6)}" width="${f(w)}" height="3" fill="#d9b96a" opacity="0.85"/>
    <rect x="${f(x0)}" y="${f(base - 22)}" width="${f(w)}" height="3" fill="#d9b96a" opacity="0.85"/>
    ${label(cx, top + lidH + 22, w * 0.46, h - lidH - 56, name, p)}
    <rect x="${f(x0 + w * 0.14)}" y="${f(top + lidH + 2)}" width="${f(w * 0.06)}" height="${f(h - lidH - 4)}" fill="#ffffff" opacity="0.16"/>`
  return { defs: g.def + lid.def, svg: body }
}

function bag(cx: number, base: number, w: number, h: number, color: string, name: string, p: Palette, r: Rng): { defs: string; svg: string } {
  const id = uid('bag')
  const x0 = cx - w / 2
  const x1 = cx + w / 2
  const top = base - h
  const teeth = 16
  let zig = `M${f(x0)},${f(top + 8)}`
  for (let i = 1; i <= teeth; i++) zig += ` L${f(x0 + (w * i) / teeth)},${f(top + (i % 2 ? 0 : 8))}`
  const path = `${zig} L${f(x1 + 4)},${f(base - 14)} Q${f(x1 + 4)},${f(base)} ${f(x1 - 12)},${f(base)} L${f(x0 + 12)},${f(base)} Q${f(x0 - 4)},${f(base)} ${f(x0 - 4)},${f(base - 14)} Z`
  let fibres = ''
  for (let i = 0; i < 14; i++) {
    const y = between(r, top + 40, base - 20)
    const x = between(r, x0 + 10, x1 - 60)
    fibres += `<path d="M${f(x)},${f(y)} l${f(between(r, 20, 50))},${f(between(r, -2, 2))}" stroke="${shade(color, -0.25)}" stroke-width="1" opacity="0.25"/>`
  }
  const svg = `
    <path d="${path}" fill="url(#${id})"/>
    <rect x="${f(x0)}" y="${f(top + 14)}" width="${f(w)}" height="14" fill="${shade(color, -0.12)}" opacity="0.8"/>
    <path d="M${f(x0 + 6)},${f(top + 21)} h${f(w - 12)}" stroke="${shade(color, -0.3)}" stroke-width="1" stroke-dasharray="3 3" opacity="0.6"/>
    ${fibres}
    ${label(cx, top + 50, w * 0.42, h * 0.62, name, p, '#fbf7ee')}
    <path d="M${f(x0 + 8)},${f(top + 34)} Q${f(x0 + 2)},${f((top + base) / 2)} ${f(x0 + 8)},${f(base - 16)}" stroke="#ffffff" stroke-width="6" fill="none" opacity="0.18"/>`
  const defs = `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="0.2">
      <stop offset="0" stop-color="${shade(color, -0.18)}"/><stop offset="0.35" stop-color="${shade(color, 0.1)}"/>
      <stop offset="1" stop-color="${shade(color, -0.22)}"/></linearGradient>`
  return { defs, svg }
}

/** A round tea cake in its cotton-paper wrapper, seen from the front */
function cake(cx: number, cy: number, rad: number, look: Look, p: Palette, r: Rng): { defs: string; svg: string } {
  const id = uid('cake')
  let pleats = ''
  for (let i = 0; i < 28; i++) {
    const a = (i / 28) * Math.PI * 2 + between(r, -0.05, 0.05)
    const r0 = rad * between(r, 0.72, 0.82)
    pleats += `<path d="M${f(cx + Math.cos(a) * r0)},${f(cy + Math.sin(a) * r0)} L${f(cx + Math.cos(a) * rad * 0.99)},${f(cy + Math.sin(a) * rad * 0.99)}" stroke="${shade(look.color, -0.2)}" stroke-width="1.2" opacity="0.55"/>`
  }
  const name = look.name
  const size = name.length > 3 ? rad * 0.26 : rad * 0.32
  const sub = look.sub.split(' · ')
  const svg = `
    <circle cx="${f(cx)}" cy="${f(cy)}" r="${f(rad)}" fill="url(#${id})"/>
    ${pleats}
    <circle cx="${f(cx)}" cy="${f(cy)}" r="${f(rad * 0.62)}" fill="none" stroke="${SEAL_RED}" stroke-width="3" opacity="0.85"/>
    <circle cx="${f(cx)}" cy="${f(cy)}" r="${f(rad * 0.58)}" fill="none" stroke="${SEAL_RED}" stroke-width="1" opacity="0.7"/>
    ${text(name.slice(0, 2), cx, cy - size * 0.62, size, p.ink, 'font-weight="bold" letter-spacing="4"')}
    ${text(name.slice(2), cx, cy + size * 0.62, size, p.ink, 'font-weight="bold" letter-spacing="4"')}
    ${text(sub[0] ?? '', cx, cy - rad * 0.47, rad * 0.075, SEAL_RED, 'letter-spacing="2"')}
    ${text('云岭茶舍 监制', cx, cy + rad * 0.47, rad * 0.075, SEAL_RED, 'letter-spacing="2"')}
    <rect x="${f(cx + rad * 0.3)}" y="${f(cy + rad * 0.05)}" width="${f(rad * 0.16)}" height="${f(rad * 0.16)}" rx="2" fill="${SEAL_RED}" opacity="0.9"/>
    ${text('茶', cx + rad * 0.38, cy + rad * 0.13, rad * 0.1, '#fbf4ea')}
    <ellipse cx="${f(cx - rad * 0.35)}" cy="${f(cy - rad * 0.45)}" rx="${f(rad * 0.35)}" ry="${f(rad * 0.15)}" fill="#ffffff" opacity="0.25" transform="rotate(-30 ${f(cx - rad * 0.35)} ${f(cy - rad * 0.45)})"/>`
  const defs = `<radialGradient id="${id}" cx="0.4" cy="0.35" r="0.75">
      <stop offset="0" stop-color="${shade(look.color, 0.4)}"/><stop offset="0.8" stop-color="${look.color}"/><stop offset="1" stop-color="${shade(look.color, -0.15)}"/></radialGradient>`
  return { defs, svg }
}

/** A pile of paper-wrapped mini tuocha */
function tuoPile(cx: number, base: number, s: number, look: Look, p: Palette): string {
  const one = (x: number, y: number, k: number, tilt: number) => {
    const w = 46 * k
    const h = 44 * k
    let pleats = ''
    for (let i = -3; i <= 3; i++) pleats += `<path d="M${f(x + i * w * 0.13)},${f(y)} Q${f(x + i * w * 0.06)},${f(y - h * 0.5)} ${f(x)},${f(y - h * 0.92)}" stroke="${shade(look.color, -0.18)}" stroke-width="1" fill="none" opacity="0.7"/>`
    return `<g transform="rotate(${tilt} ${f(x)} ${f(y)})">
      <path d="M${f(x - w / 2)},${f(y)} C${f(x - w * 0.55)},${f(y - h * 0.7)} ${f(x - w * 0.2)},${f(y - h * 0.95)} ${f(x)},${f(y - h * 0.95)} C${f(x + w * 0.2)},${f(y - h * 0.95)} ${f(x + w * 0.55)},${f(y - h * 0.7)} ${f(x + w / 2)},${f(y)} Z" fill="${look.color}" stroke="${shade(look.color, -0.2)}" stroke-width="1"/>
      ${pleats}
      <path d="M${f(x - 6 * k)},${f(y - h * 0.92)} q${f(6 * k)},${f(-12 * k)} ${f(12 * k)},0" fill="${shade(look.color, -0.05)}" stroke="${shade(look.color, -0.2)}" stroke-width="1"/>
      <rect x="${f(x - w * 0.22)}" y="${f(y - h * 0.45)}" width="${f(w * 0.44)}" height="${f(h * 0.22)}" rx="2" fill="${SEAL_RED}" opacity="0.85"/>
    </g>`
  }
  let out = ''
  const spots: Array<[number, number, number]> = [
    [-0.9, 0, -4], [0, 0, 3], [0.9, 0, -2], [-0.45, -0.75, 5], [0.45, -0.75, -5], [0, -1.5, 2],
  ]
  for (const [dx, dy, t] of spots) out += one(cx + dx * 60 * s, base + dy * 52 * s, s * 1.3, t)
  out += `<g transform="translate(${f(cx + 150 * s)},${f(base)})">
    <rect x="-46" y="-150" width="92" height="150" fill="#c9a475"/>
    <rect x="-46" y="-150" width="92" height="12" fill="#b48e5f"/>
    ${label(0, -128, 54, 112, look.name, p, '#fbf7ee')}</g>`
  return out
}

function giftBoxClosed(cx: number, base: number, w: number, h: number, color: string, look: Look): string {
  const x0 = cx - w / 2 - 20
  const x1 = x0 + w
  const d = 44
  const top = base - h
  const gold = '#d6b46a'
  const lidLine = top + h * 0.3
  return `
    <polygon points="${f(x0)},${f(top)} ${f(x0 + d)},${f(top - d * 0.6)} ${f(x1 + d)},${f(top - d * 0.6)} ${f(x1)},${f(top)}" fill="${shade(color, 0.18)}"/>
    <polygon points="${f(x1)},${f(top)} ${f(x1 + d)},${f(top - d * 0.6)} ${f(x1 + d)},${f(base - d * 0.6)} ${f(x1)},${f(base)}" fill="${shade(color, -0.3)}"/>
    <rect x="${f(x0)}" y="${f(top)}" width="${f(w)}" height="${f(h)}" fill="${color}"/>
    <line x1="${f(x0)}" y1="${f(lidLine)}" x2="${f(x1)}" y2="${f(lidLine)}" stroke="${shade(color, -0.35)}" stroke-width="2"/>
    <line x1="${f(x1)}" y1="${f(lidLine)}" x2="${f(x1 + d)}" y2="${f(lidLine - d * 0.6)}" stroke="${shade(color, -0.5)}" stroke-width="2"/>
    <rect x="${f(x0 + 12)}" y="${f(top + 12)}" width="${f(w - 24)}" height="${f(h - 24)}" fill="none" stroke="${gold}" stroke-width="1.5" opacity="0.8"/>
    <rect x="${f(x0 + w * 0.74)}" y="${f(top)}" width="18" height="${f(h)}" fill="${SEAL_RED}"/>
    <polygon points="${f(x0 + w * 0.74)},${f(top)} ${f(x0 + w * 0.74 + d)},${f(top - d * 0.6)} ${f(x0 + w * 0.74 + d + 18)},${f(top - d * 0.6)} ${f(x0 + w * 0.74 + 18)},${f(top)}" fill="${shade(SEAL_RED, 0.15)}"/>
    ${text(look.name, x0 + w * 0.38, top + h * 0.5, Math.min(46, (w * 0.6) / [...look.name].length), gold, 'font-weight="bold" letter-spacing="6"')}
    ${text(look.sub, x0 + w * 0.38, top + h * 0.5 + 44, 15, shade(gold, 0.3), 'letter-spacing="3"')}
    ${text('云岭茶舍', x0 + w * 0.38, top + h * 0.5 - 42, 13, shade(gold, 0.2), 'letter-spacing="5"')}
    <rect x="${f(x0)}" y="${f(top)}" width="${f(w)}" height="6" fill="#ffffff" opacity="0.12"/>`
}

// ───────────────────────────── tea ware ─────────────────────────────

function teapot(cx: number, base: number, s: number, color: string): { defs: string; svg: string } {
  const id = uid('pot')
  const by = base
  const P = (dx: number, dy: number) => `${f(cx + dx * s)},${f(by + dy * s)}`
  const svg = `
    <path d="M${P(112, -118)} C${P(200, -135)} ${P(205, -30)} ${P(100, -42)}" stroke="${shade(color, -0.2)}" stroke-width="${f(17 * s)}" fill="none" stroke-linecap="round"/>
    <path d="M${P(-108, -50)} C${P(-150, -62)} ${P(-165, -100)} ${P(-188, -140)} L${P(-172, -148)} C${P(-152, -118)} ${P(-138, -100)} ${P(-104, -104)} Z" fill="${shade(color, -0.12)}"/>
    <ellipse cx="${f(cx)}" cy="${f(by - 4 * s)}" rx="${f(62 * s)}" ry="${f(9 * s)}" fill="${shade(color, -0.35)}"/>
    <ellipse cx="${f(cx)}" cy="${f(by - 78 * s)}" rx="${f(128 * s)}" ry="${f(78 * s)}" fill="url(#${id})"/>
    <ellipse cx="${f(cx)}" cy="${f(by - 150 * s)}" rx="${f(54 * s)}" ry="${f(11 * s)}" fill="${shade(color, -0.28)}"/>
    <path d="M${P(-54, -150)} Q${P(0, -190)} ${P(54, -150)} Z" fill="${shade(color, 0.06)}"/>
    <circle cx="${f(cx)}" cy="${f(by - 184 * s)}" r="${f(13 * s)}" fill="${shade(color, 0.02)}"/>
    <ellipse cx="${f(cx - 54 * s)}" cy="${f(by - 112 * s)}" rx="${f(38 * s)}" ry="${f(16 * s)}" fill="#ffffff" opacity="0.2" transform="rotate(-22 ${f(cx - 54 * s)} ${f(by - 112 * s)})"/>
    <circle cx="${f(cx - 4 * s)}" cy="${f(by - 189 * s)}" r="${f(4 * s)}" fill="#ffffff" opacity="0.3"/>`
  const defs = `<radialGradient id="${id}" cx="0.38" cy="0.3" r="0.8">
      <stop offset="0" stop-color="${shade(color, 0.22)}"/><stop offset="0.6" stop-color="${color}"/><stop offset="1" stop-color="${shade(color, -0.35)}"/></radialGradient>`
  return { defs, svg }
}

function crackle(r: Rng, x: number, y: number, w: number, h: number, color: string, n: number): string {
  let out = ''
  for (let i = 0; i < n; i++) {
    let px = between(r, x, x + w)
    let py = between(r, y, y + h)
    let d = `M${f(px)},${f(py)}`
    for (let k = 0; k < 3; k++) {
      px += between(r, 6, 18) * (k % 2 ? 1 : -0.4)
      py += between(r, -8, 12)
      d += ` L${f(px)},${f(py)}`
    }
    out += `<path d="${d}" stroke="${color}" stroke-width="0.7" fill="none" opacity="0.22"/>`
  }
  return out
}

function gaiwan(cx: number, base: number, s: number, color: string, r: Rng, lidOff = false): { defs: string; svg: string } {
  const id = uid('gw')
  const P = (dx: number, dy: number) => `${f(cx + dx * s)},${f(base + dy * s)}`
  const dark = shade(color, -0.3)
  // a lid taken off rests upside down next to the bowl, its knob on the table
  const lx = cx + 175 * s
  const L = (dx: number, dy: number) => `${f(lx + dx * s)},${f(base + 6 * s + dy * s)}`
  const lid = lidOff
    ? `<g transform="rotate(-8 ${L(0, -30)})">
         <path d="M${L(-12, 0)} L${L(-18, -14)} L${L(18, -14)} L${L(12, 0)} Z" fill="${shade(color, -0.1)}"/>
         <path d="M${L(-86, -58)} C${L(-70, -10)} ${L(70, -10)} ${L(86, -58)} Z" fill="url(#${id})"/>
         <ellipse cx="${f(lx)}" cy="${f(base + 6 * s - 58 * s)}" rx="${f(86 * s)}" ry="${f(13 * s)}" fill="${shade(color, 0.18)}"/>
         <ellipse cx="${f(lx)}" cy="${f(base + 6 * s - 57 * s)}" rx="${f(76 * s)}" ry="${f(9 * s)}" fill="${shade(color, -0.06)}"/></g>`
    : `<path d="M${P(-92, -112)} C${P(-80, -160)} ${P(80, -160)} ${P(92, -112)} Z" fill="url(#${id})"/>
       <ellipse cx="${f(cx)}" cy="${f(base - 112 * s)}" rx="${f(92 * s)}" ry="${f(12 * s)}" fill="none" stroke="${dark}" stroke-width="1" opacity="0.5"/>
       <path d="M${P(-14, -146)} L${P(-20, -160)} L${P(20, -160)} L${P(14, -146)} Z" fill="${shade(color, -0.08)}"/>
       <ellipse cx="${f(cx)}" cy="${f(base - 160 * s)}" rx="${f(21 * s)}" ry="${f(6 * s)}" fill="${shade(color, 0.15)}"/>
       ${crackle(r, cx - 70 * s, base - 145 * s, 140 * s, 28 * s, dark, 6)}`
  const svg = `
    <ellipse cx="${f(cx)}" cy="${f(base)}" rx="${f(122 * s)}" ry="${f(24 * s)}" fill="${shade(color, -0.1)}"/>
    <ellipse cx="${f(cx)}" cy="${f(base - 4 * s)}" rx="${f(112 * s)}" ry="${f(20 * s)}" fill="${shade(color, 0.12)}"/>
    <path d="M${P(-100, -110)} C${P(-95, -50)} ${P(-50, -18)} ${P(-30, -14)} L${P(30, -14)} C${P(50, -18)} ${P(95, -50)} ${P(100, -110)} Z" fill="url(#${id})"/>
    ${crackle(r, cx - 80 * s, base - 100 * s, 160 * s, 70 * s, dark, 14)}
    <ellipse cx="${f(cx)}" cy="${f(base - 110 * s)}" rx="${f(100 * s)}" ry="${f(16 * s)}" fill="${shade(color, 0.2)}"/>
    ${lidOff ? `<ellipse cx="${f(cx)}" cy="${f(base - 108 * s)}" rx="${f(90 * s)}" ry="${f(12 * s)}" fill="#d99a3a"/>` : ''}
    ${lid}
    <ellipse cx="${f(cx - 55 * s)}" cy="${f(base - 75 * s)}" rx="${f(12 * s)}" ry="${f(26 * s)}" fill="#ffffff" opacity="0.25" transform="rotate(20 ${f(cx - 55 * s)} ${f(base - 75 * s)})"/>`
  const defs = `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="${shade(color, -0.15)}"/><stop offset="0.3" stop-color="${shade(color, 0.2)}"/><stop offset="1" stop-color="${shade(color, -0.25)}"/></linearGradient>`
  return { defs, svg }
}

/** A small porcelain tea cup with tea in it */
function cup(cx: number, base: number, s: number, liquor: string, body = '#fbf9f3'): string {
  const P = (dx: number, dy: number) => `${f(cx + dx * s)},${f(base + dy * s)}`
  const edge = shade(body, -0.14)
  return `
    <ellipse cx="${f(cx)}" cy="${f(base)}" rx="${f(64 * s)}" ry="${f(13 * s)}" fill="${shade(body, -0.06)}" stroke="${edge}" stroke-width="1"/>
    <path d="M${P(-50, -62)} C${P(-48, -20)} ${P(-28, -6)} ${P(-16, -4)} L${P(16, -4)} C${P(28, -6)} ${P(48, -20)} ${P(50, -62)} Z" fill="${body}" stroke="${edge}" stroke-width="1"/>
    <path d="M${P(-40, -56)} C${P(-38, -24)} ${P(-26, -12)} ${P(-18, -10)}" stroke="${shade(body, -0.05)}" stroke-width="${f(6 * s)}" fill="none" opacity="0.8"/>
    <ellipse cx="${f(cx)}" cy="${f(base - 62 * s)}" rx="${f(50 * s)}" ry="${f(11 * s)}" fill="${shade(body, 0.3)}" stroke="${edge}" stroke-width="1"/>
    <ellipse cx="${f(cx)}" cy="${f(base - 60 * s)}" rx="${f(44 * s)}" ry="${f(8.5 * s)}" fill="${liquor}"/>
    <ellipse cx="${f(cx - 14 * s)}" cy="${f(base - 61 * s)}" rx="${f(14 * s)}" ry="${f(3 * s)}" fill="#ffffff" opacity="0.35"/>`
}

function glass(cx: number, base: number, s: number, liquor: string, leafColor: string, r: Rng): string {
  const P = (dx: number, dy: number) => `${f(cx + dx * s)},${f(base + dy * s)}`
  let leaves = ''
  for (let i = 0; i < 9; i++) {
    const x = between(r, -32, 32)
    const y = between(r, -140, -20)
    const a = between(r, -30, 30) + 90
    leaves += `<path d="M${P(x, y)} m-12,0 q12,-5 24,0 q-12,4 -24,0Z" fill="${leafColor}" opacity="0.85" transform="rotate(${f(a)} ${P(x, y)})"/>`
  }
  return `
    <ellipse cx="${f(cx)}" cy="${f(base)}" rx="${f(44 * s)}" ry="${f(9 * s)}" fill="#000" opacity="0.08"/>
    <path d="M${P(-48, -160)} L${P(-42, -4)} Q${P(0, 6)} ${P(42, -4)} L${P(48, -160)} Z" fill="#ffffff" opacity="0.28"/>
    <path d="M${P(-46.5, -128)} L${P(-42, -4)} Q${P(0, 6)} ${P(42, -4)} L${P(46.5, -128)} Z" fill="${liquor}" opacity="0.7"/>
    <ellipse cx="${f(cx)}" cy="${f(base - 128 * s)}" rx="${f(46.5 * s)}" ry="${f(7 * s)}" fill="${shade(liquor, 0.2)}" opacity="0.9"/>
    ${leaves}
    <path d="M${P(-42, -4)} Q${P(0, 6)} ${P(42, -4)} L${P(42, -14)} Q${P(0, -4)} ${P(-42, -14)} Z" fill="#ffffff" opacity="0.5"/>
    <path d="M${P(-48, -160)} L${P(-42, -4)} Q${P(0, 6)} ${P(42, -4)} L${P(48, -160)}" stroke="#ffffff" stroke-width="2" fill="none" opacity="0.9"/>
    <ellipse cx="${f(cx)}" cy="${f(base - 160 * s)}" rx="${f(48 * s)}" ry="${f(8 * s)}" fill="none" stroke="#ffffff" stroke-width="2" opacity="0.9"/>
    <path d="M${P(-36, -150)} L${P(-32, -20)}" stroke="#ffffff" stroke-width="${f(5 * s)}" opacity="0.5" stroke-linecap="round"/>`
}

/** 公道杯: a glass pitcher with a spout */
function pitcher(cx: number, base: number, s: number, liquor: string): string {
  const P = (dx: number, dy: number) => `${f(cx + dx * s)},${f(base + dy * s)}`
  return `
    <path d="M${P(-40, -120)} L${P(-58, -132)} L${P(-36, -128)} L${P(40, -128)} L${P(36, -4)} Q${P(0, 4)} ${P(-36, -4)} Z" fill="#ffffff" opacity="0.3" stroke="#ffffff" stroke-width="2"/>
    <path d="M${P(-38.5, -80)} L${P(38.8, -80)} L${P(36, -4)} Q${P(0, 4)} ${P(-36, -4)} Z" fill="${liquor}" opacity="0.8"/>
    <ellipse cx="${f(cx)}" cy="${f(base - 80 * s)}" rx="${f(38.6 * s)}" ry="${f(6 * s)}" fill="${shade(liquor, 0.2)}"/>
    <path d="M${P(-28, -118)} L${P(-26, -12)}" stroke="#ffffff" stroke-width="${f(4 * s)}" opacity="0.55" stroke-linecap="round"/>`
}

function steam(cx: number, top: number, s: number): string {
  let out = ''
  for (const dx of [-16, 4, 22]) {
    const x = cx + dx * s
    out += `<path d="M${f(x)},${f(top)} c${f(-10 * s)},${f(-16 * s)} ${f(10 * s)},${f(-26 * s)} 0,${f(-42 * s)} c${f(-10 * s)},${f(-16 * s)} ${f(10 * s)},${f(-26 * s)} 0,${f(-42 * s)}" stroke="#ffffff" stroke-width="${f(4 * s)}" fill="none" opacity="0.55" stroke-linecap="round"/>`
  }
  return out
}

// ───────────────────────────── leaves, flowers and grains ─────────────────────────────

function leafShape(kind: Leaf, x: number, y: number, a: number, k: number, r: Rng): string {
  const T = `transform="translate(${f(x)},${f(y)}) rotate(${f(a)}) scale(${f(k)})"`
  switch (kind) {
    case 'flat': {
      const c = pick(r, ['#8fa845', '#a3b552', '#7c9a3c', '#b7b864'])
      return `<g ${T}><path d="M-24,0 Q-2,-8 24,-1 Q0,6 -24,0Z" fill="${c}"/><path d="M-20,0 L20,-1" stroke="${shade(c, -0.25)}" stroke-width="0.8"/></g>`
    }
    case 'needle': {
      const c = pick(r, ['#c9ccb8', '#d8d9c9', '#b9c0a4', '#9eae7a'])
      return `<g ${T}><path d="M-22,0 Q0,-5 22,0 Q0,5 -22,0Z" fill="${c}" stroke="#ffffff" stroke-width="1.2" stroke-opacity="0.8"/></g>`
    }
    case 'curly': {
      const c = pick(r, ['#7c9a4a', '#90ab5a', '#6a8a40'])
      return `<g ${T}><path d="M-9,5 C-12,-4 -4,-10 3,-8 C9,-6 9,2 3,3 C-1,4 -2,-1 1,-2" stroke="${c}" stroke-width="3.6" fill="none" stroke-linecap="round"/><path d="M-9,5 C-12,-4 -4,-10 3,-8" stroke="#eef2e2" stroke-width="1" fill="none" stroke-dasharray="1.5 2.5" opacity="0.9"/></g>`
    }
    case 'strip': {
      const c = pick(r, ['#2e1e16', '#3a261a', '#4a3020', '#2a1c14'])
      const tip = r() < 0.35 ? `<path d="M14,0 Q20,-2 24,0" stroke="#c8903a" stroke-width="3" stroke-linecap="round"/>` : ''
      return `<g ${T}><path d="M-22,1 C-10,-6 6,5 22,-1 C8,4 -8,-3 -22,1Z" fill="${c}" stroke="${c}" stroke-width="3" stroke-linejoin="round"/>${tip}</g>`
    }
    case 'golden': {
      const c = pick(r, ['#c8902e', '#d9a23a', '#b87a24', '#3a2618'])
      return `<g ${T}><path d="M-14,0 C-6,-6 6,4 16,-1 C6,4 -6,-2 -14,0Z" fill="${c}" stroke="${c}" stroke-width="3.5" stroke-linejoin="round"/></g>`
    }
    case 'ball': {
      const c = pick(r, ['#4a6a32', '#3e5a2a', '#5a7a3a', '#36502a'])
      return `<g ${T}><circle r="9" fill="${c}"/><circle cx="-3" cy="-3" r="3" fill="#ffffff" opacity="0.2"/><path d="M7,4 q8,4 12,0" stroke="${shade(c, 0.15)}" stroke-width="2.5" fill="none" stroke-linecap="round"/></g>`
    }
    case 'broad': {
      const c = pick(r, ['#8a8f6a', '#9ea07e', '#7c7a58', '#b7b59a'])
      return `<g ${T}><path d="M-26,0 C-14,-13 12,-12 26,0 C12,11 -14,11 -26,0Z" fill="${c}"/><path d="M-24,0 L24,0" stroke="#ecebe0" stroke-width="1" opacity="0.7"/><path d="M-6,0 l8,-7 M6,0 l8,-6 M-6,0 l8,6" stroke="#ecebe0" stroke-width="0.6" opacity="0.5"/></g>`
    }
    case 'pearl': {
      if (r() < 0.18) {
        let petals = ''
        for (let i = 0; i < 5; i++) petals += `<ellipse cx="0" cy="-7" rx="4" ry="7" fill="#fbfaf2" transform="rotate(${i * 72})"/>`
        return `<g ${T}>${petals}<circle r="2.5" fill="#e9dc8a"/></g>`
      }
      const c = pick(r, ['#a9ac7a', '#babd8e', '#969a66'])
      return `<g ${T}><circle r="9" fill="${c}"/><circle cx="-3" cy="-3" r="3.5" fill="#ffffff" opacity="0.45"/><circle cx="3" cy="2" r="1.6" fill="#ffffff" opacity="0.5"/></g>`
    }
    case 'mum': {
      let petals = ''
      for (let i = 0; i < 12; i++) petals += `<ellipse cx="0" cy="-9" rx="3.2" ry="7" fill="#fbf6e4" stroke="#e8dcb6" stroke-width="0.6" transform="rotate(${i * 30})"/>`
      return `<g ${T}>${petals}<circle r="7" fill="#e8b92e"/><circle r="4" fill="#f2cf52"/></g>`
    }
    case 'rose': {
      const c = pick(r, ['#a8315a', '#b83e68', '#96284e'])
      return `<g ${T}><path d="M-9,6 Q0,14 9,6 L4,12 L-4,12Z" fill="#5a7a3a"/><circle r="11" fill="${c}"/><path d="M-6,-2 q6,-8 12,0 M-8,3 q8,6 16,0 M-3,-5 q3,-3 6,0" stroke="${shade(c, -0.3)}" stroke-width="1.4" fill="none"/><circle cx="-4" cy="-4" r="3" fill="#ffffff" opacity="0.2"/></g>`
    }
    case 'grain': {
      const c = pick(r, ['#c48a3a', '#b87a2e', '#d49a48', '#a86a24'])
      return `<g ${T}><path d="M0,-6 L5,4 L-5,4Z" fill="${c}" stroke="${c}" stroke-width="2" stroke-linejoin="round"/><circle cx="-1" cy="-1" r="1.2" fill="#ffffff" opacity="0.35"/></g>`
    }
    case 'shu': {
      const c = pick(r, ['#4a2a1a', '#5a321e', '#3a2014', '#8a5a2a'])
      return `<g ${T}><path d="M-12,0 C-4,-4 4,3 12,-1 C4,3 -4,-2 -12,0Z" fill="${c}" stroke="${c}" stroke-width="2.5" stroke-linejoin="round"/></g>`
    }
  }
}

const leafCount: Record<Leaf, number> = {
  flat: 70, needle: 70, curly: 90, strip: 90, golden: 110, ball: 120, broad: 45, pearl: 110, mum: 45, rose: 55, grain: 420, shu: 160,
}

/** Fresh "一芽两叶" sprig used as a decoration */
function sprig(x: number, y: number, a: number, k: number): string {
  return `<g transform="translate(${f(x)},${f(y)}) rotate(${f(a)}) scale(${f(k)})">
    <path d="M0,0 C10,-30 14,-60 10,-95" stroke="#5d7f3a" stroke-width="3" fill="none" stroke-linecap="round"/>
    <path d="M6,-30 C30,-40 52,-34 66,-16 C44,-8 22,-14 6,-30Z" fill="#6f9f45"/>
    <path d="M6,-30 C30,-30 48,-22 66,-16" stroke="#9cc46e" stroke-width="1.2" fill="none"/>
    <path d="M10,-58 C-12,-72 -34,-70 -50,-54 C-28,-42 -6,-46 10,-58Z" fill="#7fb052"/>
    <path d="M10,-58 C-10,-60 -30,-58 -50,-54" stroke="#a7cf7a" stroke-width="1.2" fill="none"/>
    <path d="M10,-95 C4,-110 8,-124 16,-132 C22,-118 20,-104 10,-95Z" fill="#a6cf6e"/>
  </g>`
}

function leavesOnPlate(cx: number, cy: number, rx: number, ry: number, kind: Leaf, r: Rng, count = leafCount[kind]): string {
  const items: Array<[number, string]> = []
  for (let i = 0; i < count; i++) {
    const t = r() * Math.PI * 2
    const d = Math.pow(r(), 0.7)
    const x = cx + Math.cos(t) * rx * 0.78 * d
    const y = cy + Math.sin(t) * ry * 0.7 * d - (1 - d) * 14
    items.push([y, leafShape(kind, x, y, between(r, 0, 360), between(r, 0.85, 1.15), r)])
  }
  items.sort((a, b) => a[0] - b[0])
  return `
    ${shadow(cx, cy + ry * 0.55, rx * 0.95, ry * 0.45, 0.2)}
    <ellipse cx="${f(cx)}" cy="${f(cy + 8)}" rx="${f(rx)}" ry="${f(ry)}" fill="#e7e1d4"/>
    <ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="#fbf9f4"/>
    <ellipse cx="${f(cx)}" cy="${f(cy + 4)}" rx="${f(rx * 0.8)}" ry="${f(ry * 0.74)}" fill="#f1ede4"/>
    ${items.map((i) => i[1]).join('')}`
}

/** An unwrapped tea cake, tilted towards the camera, with a tea pick */
function bareCake(cx: number, cy: number, rx: number, ry: number, kind: Leaf, r: Rng): string {
  let strokes = ''
  const palette = kind === 'broad' ? ['#6a5a3a', '#7a6a44', '#574a30', '#8a7a52', '#a89a70'] : ['#4a3a22', '#5a4628', '#6a5230', '#3a2c1a', '#9a7a3a']
  for (let i = 0; i < 360; i++) {
    const t = r() * Math.PI * 2
    const d = Math.sqrt(r()) * 0.96
    const x = cx + Math.cos(t) * rx * d
    const y = cy + Math.sin(t) * ry * d
    const len = between(r, 8, 18)
    const a = between(r, 0, Math.PI)
    strokes += `<path d="M${f(x - (Math.cos(a) * len) / 2)},${f(y - (Math.sin(a) * len * ry) / rx / 2)} l${f(Math.cos(a) * len)},${f((Math.sin(a) * len * ry) / rx)}" stroke="${pick(r, palette)}" stroke-width="${f(between(r, 2, 4))}" stroke-linecap="round"/>`
  }
  // the dimple in the middle of the back of a cake
  return `
    ${shadow(cx, cy + ry + 14, rx, ry * 0.4, 0.3)}
    <ellipse cx="${f(cx)}" cy="${f(cy + 16)}" rx="${f(rx)}" ry="${f(ry)}" fill="${kind === 'broad' ? '#4e4330' : '#3a2a1a'}"/>
    <ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx)}" ry="${f(ry)}" fill="${kind === 'broad' ? '#6e6040' : '#54402a'}"/>
    ${strokes}
    <ellipse cx="${f(cx)}" cy="${f(cy)}" rx="${f(rx * 0.12)}" ry="${f(ry * 0.12)}" fill="#000" opacity="0.25"/>
    <g transform="translate(${f(cx + rx * 0.25)},${f(cy + ry * 0.9)}) rotate(-18)">
      <rect x="0" y="-6" width="80" height="12" rx="5" fill="#8a5a32"/>
      <rect x="6" y="-6" width="4" height="12" fill="#6a4022"/>
      <path d="M80,-3 L190,0 L80,3Z" fill="#c9ccd0" stroke="#9aa0a6" stroke-width="0.6"/>
    </g>`
}

function citrus(x: number, y: number, rad: number, r: Rng, open = false): string {
  let dots = ''
  for (let i = 0; i < 26; i++) {
    const t = r() * Math.PI * 2
    const d = Math.sqrt(r()) * 0.85
    // an opened citrus is the lower half of a sphere centred on the cut
    if (open && Math.sin(t) * d < 0.15) continue
    const dcy = open ? y - rad * 0.5 : y
    dots += `<circle cx="${f(x + Math.cos(t) * rad * d)}" cy="${f(dcy + Math.sin(t) * rad * d)}" r="1.3" fill="#1f4a2a" opacity="0.35"/>`
  }
  const id = uid('cit')
  const top = open
    ? `<ellipse cx="${f(x)}" cy="${f(y - rad * 0.55)}" rx="${f(rad * 0.78)}" ry="${f(rad * 0.28)}" fill="#e9e2b8"/>
       <ellipse cx="${f(x)}" cy="${f(y - rad * 0.53)}" rx="${f(rad * 0.66)}" ry="${f(rad * 0.22)}" fill="#3a2014"/>
       ${Array.from({ length: 12 }, () => leafShape('shu', x + between(r, -rad * 0.5, rad * 0.5), y - rad * 0.53 + between(r, -rad * 0.12, rad * 0.12), between(r, 0, 360), 0.7, r)).join('')}`
    : `<path d="M${f(x)},${f(y - rad)} q4,-10 10,-12" stroke="#4a3a1a" stroke-width="3" fill="none" stroke-linecap="round"/>`
  return `
    <defs><radialGradient id="${id}" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="#7fae5a"/><stop offset="0.7" stop-color="#3f7a3a"/><stop offset="1" stop-color="#2a5a2a"/></radialGradient></defs>
    ${shadow(x, y + rad * (open ? 0.45 : 0.9), rad * 0.9, rad * 0.25, 0.3)}
    ${open ? `<path d="M${f(x - rad)},${f(y - rad * 0.5)} A${f(rad)},${f(rad)} 0 1,0 ${f(x + rad)},${f(y - rad * 0.5)} Z" fill="url(#${id})"/>` : `<circle cx="${f(x)}" cy="${f(y)}" r="${f(rad)}" fill="url(#${id})"/>`}
    ${dots}
    ${top}
    <ellipse cx="${f(x - rad * 0.35)}" cy="${f(y - rad * 0.1)}" rx="${f(rad * 0.22)}" ry="${f(rad * 0.12)}" fill="#ffffff" opacity="0.25" transform="rotate(-35 ${f(x - rad * 0.35)} ${f(y - rad * 0.1)})"/>`
}

// ───────────────────────────── scenes ─────────────────────────────

const fourSeasons = [
  { name: '龙井', color: '#3f6e3a', liquor: '#e2e49a', leaf: 'flat' as Leaf, season: '春' },
  { name: '白牡丹', color: '#cfc8b4', liquor: '#e8c97a', leaf: 'broad' as Leaf, season: '夏' },
  { name: '铁观音', color: '#4a6b3a', liquor: '#e6c95a', leaf: 'ball' as Leaf, season: '秋' },
  { name: '祁红', color: '#8e2f22', liquor: '#b8401a', leaf: 'strip' as Leaf, season: '冬' },
]

/** The package or ware as it appears in the main shot, drawn around (cx, base) */
function hero(look: Look, p: Palette, r: Rng, cx: number, base: number, s: number): { defs: string; svg: string } {
  switch (look.pack) {
    case 'tin': {
      const t = tin(cx, base, 176 * s, 270 * s, look.color, look.name, p)
      return { defs: t.defs, svg: shadow(cx + 14, base + 6, 110 * s, 18 * s) + t.svg }
    }
    case 'bag': {
      const b = bag(cx, base, 200 * s, 300 * s, look.color, look.name, p, r)
      return { defs: b.defs, svg: shadow(cx + 14, base + 4, 120 * s, 16 * s) + b.svg }
    }
    case 'cake': {
      const c = cake(cx, base - 180 * s, 180 * s, look, p, r)
      return { defs: c.defs, svg: shadow(cx + 10, base + 4, 150 * s, 16 * s, 0.28) + c.svg }
    }
    case 'tuo':
      return { defs: '', svg: shadow(cx + 40, base + 6, 200 * s, 16 * s) + tuoPile(cx - 50 * s, base, s, look, p) }
    case 'teapot': {
      const t = teapot(cx, base, 1.05 * s, look.color)
      return { defs: t.defs, svg: shadow(cx + 10, base + 2, 150 * s, 18 * s, 0.28) + `<ellipse cx="${f(cx)}" cy="${f(base + 4)}" rx="${f(150 * s)}" ry="${f(22 * s)}" fill="#b89a6a" opacity="0.55"/>` + t.svg }
    }
    case 'gaiwan': {
      const g = gaiwan(cx, base, 1.3 * s, look.color, r)
      return { defs: g.defs, svg: shadow(cx + 8, base + 6, 160 * s, 22 * s, 0.22) + g.svg }
    }
    case 'kungfu':
      return kungfuSet(cx, base, s, look)
    case 'travel':
      return travelSet(cx, base, s, look)
    case 'giftbox':
      return { defs: '', svg: shadow(cx + 20, base + 6, 220 * s, 20 * s, 0.3) + giftBoxClosed(cx, base, 360 * s, 210 * s, look.color, look) }
  }
}

function kungfuSet(cx: number, base: number, s: number, look: Look): { defs: string; svg: string } {
  const tray = `
    ${shadow(cx, base + 8, 250 * s, 22 * s, 0.28)}
    <polygon points="${f(cx - 250 * s)},${f(base)} ${f(cx - 200 * s)},${f(base - 110 * s)} ${f(cx + 200 * s)},${f(base - 110 * s)} ${f(cx + 250 * s)},${f(base)}" fill="#c49a62"/>
    <polygon points="${f(cx - 250 * s)},${f(base)} ${f(cx + 250 * s)},${f(base)} ${f(cx + 250 * s)},${f(base + 14 * s)} ${f(cx - 250 * s)},${f(base + 14 * s)}" fill="#9a7240"/>
    ${Array.from({ length: 9 }, (_, i) => `<line x1="${f(cx - 225 * s + (i + 1) * 45 * s)}" y1="${f(base - 2)}" x2="${f(cx - 180 * s + (i + 1) * 36 * s)}" y2="${f(base - 108 * s)}" stroke="#a87e48" stroke-width="2"/>`).join('')}`
  const pot = teapot(cx - 95 * s, base - 70 * s, 0.62 * s, look.color)
  const cups = [-150, -50, 50, 150].map((dx) => cup(cx + dx * s, base - 4 * s, 0.62 * s, look.liquor ?? '#d68a2a', shade(look.color, 0.3))).join('')
  const svg = tray + pot.svg + pitcher(cx + 100 * s, base - 66 * s, 0.8 * s, look.liquor ?? '#d68a2a') + cups
  return { defs: pot.defs, svg }
}

function travelSet(cx: number, base: number, s: number, look: Look): { defs: string; svg: string } {
  const pouch = `
    ${shadow(cx - 80 * s, base + 4, 120 * s, 14 * s, 0.25)}
    <ellipse cx="${f(cx - 90 * s)}" cy="${f(base - 20 * s)}" rx="${f(115 * s)}" ry="${f(30 * s)}" fill="#5a6a66"/>
    <rect x="${f(cx - 205 * s)}" y="${f(base - 80 * s)}" width="${f(230 * s)}" height="${f(60 * s)}" fill="#6d7e79"/>
    <ellipse cx="${f(cx - 90 * s)}" cy="${f(base - 80 * s)}" rx="${f(115 * s)}" ry="${f(30 * s)}" fill="#82938e"/>
    <path d="M${f(cx - 205 * s)},${f(base - 50 * s)} h${f(230 * s)}" stroke="#d9c89a" stroke-width="2" stroke-dasharray="6 4"/>`
  const mugW = 100 * s
  const mugX = cx + 70 * s
  const mugBase = base
  const mug = `
    ${shadow(mugX + 10, mugBase + 4, 70 * s, 12 * s, 0.25)}
    <rect x="${f(mugX - mugW / 2)}" y="${f(mugBase - 150 * s)}" width="${f(mugW)}" height="${f(150 * s)}" fill="${look.color}" stroke="${shade(look.color, -0.15)}"/>
    <ellipse cx="${f(mugX)}" cy="${f(mugBase)}" rx="${f(mugW / 2)}" ry="${f(10 * s)}" fill="${shade(look.color, -0.1)}"/>
    <ellipse cx="${f(mugX)}" cy="${f(mugBase - 150 * s)}" rx="${f(mugW / 2)}" ry="${f(10 * s)}" fill="${shade(look.color, 0.2)}"/>
    <rect x="${f(mugX - mugW / 2)}" y="${f(mugBase - 110 * s)}" width="${f(mugW)}" height="${f(24 * s)}" fill="#2f3a38"/>
    ${text('云岭', mugX, mugBase - 98 * s, 13 * s, '#e8dcc0', 'letter-spacing="3"')}
    <rect x="${f(mugX - mugW / 2 + 10 * s)}" y="${f(mugBase - 146 * s)}" width="${f(8 * s)}" height="${f(140 * s)}" fill="#ffffff" opacity="0.25"/>`
  const cups = cup(cx - 150 * s, base + 40 * s, 0.55 * s, look.liquor ?? '#c8761e', look.color) + cup(cx - 50 * s, base + 48 * s, 0.55 * s, look.liquor ?? '#c8761e', look.color)
  return { defs: '', svg: pouch + mug + cups }
}

function openBox(look: Look, p: Palette, r: Rng, cx: number, base: number): { defs: string; svg: string } {
  const color = look.pack === 'tin' || look.pack === 'cake' || look.pack === 'teapot' ? giftColor(look) : look.color
  const gold = '#d6b46a'
  const x0 = cx - 200
  const x1 = cx + 160
  const d = 40
  const h = 110
  const lid = `
    <g transform="rotate(-5 ${f(cx)} ${f(base - 260)})">
      <rect x="${f(cx - 175)}" y="${f(base - 392)}" width="330" height="200" fill="${color}"/>
      <rect x="${f(cx - 163)}" y="${f(base - 380)}" width="306" height="176" fill="none" stroke="${gold}" stroke-width="1.5" opacity="0.8"/>
      ${text('云岭茶舍', cx - 10, base - 358, 13, shade(gold, 0.2), 'letter-spacing="5"')}
      ${text(look.name, cx - 10, base - 322, Math.min(40, 220 / [...look.name].length), gold, 'font-weight="bold" letter-spacing="6"')}
      ${text(look.sub, cx - 10, base - 288, 14, shade(gold, 0.3), 'letter-spacing="3"')}
    </g>`
  const opening = `
    <polygon points="${f(x0)},${f(base - h)} ${f(x0 + d)},${f(base - h - 26)} ${f(x1 + d)},${f(base - h - 26)} ${f(x1)},${f(base - h)}" fill="${shade(color, -0.45)}"/>
    <polygon points="${f(x0 + 8)},${f(base - h - 2)} ${f(x0 + d + 4)},${f(base - h - 23)} ${f(x1 + d - 6)},${f(base - h - 23)} ${f(x1 - 4)},${f(base - h - 2)}" fill="#efe4cc"/>`
  let items = ''
  let defs = ''
  const inside = look.inside ?? 'tins'
  if (inside === 'tins') {
    for (const dx of [-95, 45]) {
      const t = tin(cx + dx, base - 60, 112, 196, look.color, look.name, p)
      defs += t.defs
      items += t.svg
    }
  } else if (inside === 'tins4') {
    fourSeasons.forEach((tea, i) => {
      const t = tin(cx - 150 + i * 90, base - 60, 76, 150, tea.color, tea.name, p)
      defs += t.defs
      items += t.svg
    })
  } else if (inside === 'cake') {
    const c = cake(cx - 20, base - 150, 120, look, p, r)
    defs += c.defs
    items += c.svg
  } else {
    const t = teapot(cx - 20, base - 72, 0.8, look.color)
    defs += t.defs
    items += t.svg
  }
  const front = `
    <polygon points="${f(x1)},${f(base - h)} ${f(x1 + d)},${f(base - h - 26)} ${f(x1 + d)},${f(base - 26)} ${f(x1)},${f(base)}" fill="${shade(color, -0.3)}"/>
    <rect x="${f(x0)}" y="${f(base - h)}" width="${f(x1 - x0)}" height="${f(h)}" fill="${color}"/>
    <rect x="${f(x0 + 10)}" y="${f(base - h + 10)}" width="${f(x1 - x0 - 20)}" height="${f(h - 20)}" fill="none" stroke="${gold}" stroke-width="1.5" opacity="0.8"/>
    <rect x="${f(x0)}" y="${f(base - h)}" width="${f(x1 - x0)}" height="4" fill="#ffffff" opacity="0.15"/>
    ${text('云 岭 茶 舍', (x0 + x1) / 2, base - h / 2, 16, gold, 'letter-spacing="4" opacity="0.9"')}`
  return { defs, svg: lid + shadow(cx, base + 6, 230, 20, 0.3) + opening + items + front }
}

function giftColor(look: Look): string {
  // gift boxes: deep, festive versions of the product colour; tea cakes come in a wooden box
  if (look.inside === 'cake') return '#7a4e2c'
  return mix(shade(look.color, -0.35), '#6a1e1a', 0.35)
}

function render(product: DemoProduct, n: number): string {
  idCounter = 0
  const look = looks[product._id]
  if (!look) throw new Error(`no look for ${product._id}`)
  const p = palettes[product.categoryId]
  const r = seeded(`${product._id}-${n}`)
  const scene = look.scenes[n - 1] ?? 'main'
  const liquor = look.liquor ?? p.liquor
  const st = stage(p, r)
  let defs = st.defs
  let body = ''
  let cap = captions[scene]
  let sub = ''

  switch (scene) {
    case 'main': {
      cap = look.name
      sub = look.sub
      const single = look.pack === 'tin' || look.pack === 'bag'
      const h = hero(look, p, r, single ? 250 : 290, 482, 1)
      defs += h.defs
      body += h.svg
      if (single && !look.citrus) {
        body += shadow(432, 528, 60, 10, 0.18) + cup(420, 524, 0.9, liquor)
        for (let i = 0; i < 7; i++) body += leafShape(look.leaf, between(r, 330, 520), between(r, 540, 580), between(r, 0, 360), 1, r)
        body += steam(420, 458, 0.8)
      }
      if (look.citrus) {
        body += citrus(410, 500, 40, r) + citrus(490, 520, 34, r) + citrus(440, 560, 30, r, true)
      }
      if (look.pack === 'cake' || look.pack === 'tuo') body += sprig(520, 600, -20, 0.8)
      break
    }
    case 'leaves': {
      body += sprig(40, 250, 35, 0.9)
      body += leavesOnPlate(300, 390, 230, 95, look.leaf, r)
      break
    }
    case 'cup': {
      if (look.glass) {
        body += shadow(310, 500, 70, 12, 0.16) + glass(300, 500, 1.6, liquor, leafColorFor(look.leaf), r)
        body += steam(300, 230, 1)
        const small = tinOrBag(look, p, r, 130, 500, 0.5)
        defs += small.defs
        body += small.svg
        body += leavesOnPlate(470, 520, 90, 34, look.leaf, r, 18)
      } else {
        const small = look.pack === 'cake' || look.pack === 'tuo' ? miniCake(look, p, r, 505, 470) : tinOrBag(look, p, r, 505, 470, 0.44)
        defs += small.defs
        body += small.svg
        body += shadow(180, 500, 80, 12, 0.18) + pitcher(170, 495, 1.3, liquor)
        body += shadow(365, 515, 110, 14, 0.2) + cup(355, 510, 1.7, liquor)
        body += steam(355, 384, 1.2)
        body += leavesOnPlate(500, 556, 82, 26, look.leaf, r, 16)
      }
      break
    }
    case 'open': {
      const o = openBox(look, p, r, 300, 500)
      defs += o.defs
      body += o.svg
      break
    }
    case 'cake': {
      body += bareCake(300, 370, 210, 100, look.leaf, r)
      body += sprig(40, 230, 35, 0.8)
      break
    }
    case 'citrus': {
      body += citrus(200, 420, 80, r, true) + citrus(375, 440, 70, r) + citrus(515, 500, 40, r)
      body += leavesOnPlate(345, 562, 110, 30, 'shu', r, 30)
      break
    }
    case 'detail': {
      if (look.pack === 'teapot') {
        const t = teapot(330, 640, 2.2, look.color)
        defs += t.defs
        body += t.svg
        body += `<g transform="translate(330,560)"><rect x="-30" y="-30" width="60" height="60" rx="4" fill="none" stroke="${shade(look.color, -0.3)}" stroke-width="3" opacity="0.6"/>${text('云岭', 0, 0, 20, shade(look.color, -0.3), 'opacity="0.7"')}</g>`
      } else if (look.pack === 'gaiwan') {
        const g = gaiwan(300, 560, 2.3, look.color, r)
        defs += g.defs
        body += g.svg
      } else if (look.pack === 'kungfu') {
        body += shadow(200, 505, 90, 14) + pitcher(190, 500, 1.8, liquor)
        body += shadow(400, 525, 110, 14) + cup(390, 520, 1.7, liquor, shade(look.color, 0.3))
        body += steam(390, 400, 1.1)
      } else {
        const h = hero(look, p, r, 300, 520, 1.4)
        defs += h.defs
        body += h.svg
      }
      break
    }
    case 'inuse': {
      if (look.pack === 'teapot') {
        const t = teapot(220, 470, 0.85, look.color)
        defs += t.defs
        body += `<rect x="40" y="452" width="520" height="40" rx="4" fill="#7a5a3a" opacity="0.85"/>` + shadow(230, 470, 130, 14) + t.svg
        body += cup(400, 540, 0.85, liquor) + cup(500, 560, 0.85, liquor) + steam(400, 470, 0.7)
      } else if (look.pack === 'gaiwan') {
        const g = gaiwan(200, 490, 1.15, look.color, r, true)
        defs += g.defs
        body += shadow(260, 500, 200, 18) + g.svg
        body += cup(470, 556, 0.8, '#d99a3a', shade(look.color, 0.25)) + steam(200, 352, 1)
      } else {
        const h = hero(look, p, r, 300, 500, 0.9)
        defs += h.defs
        body += h.svg + steam(180, 400, 0.8)
        body += sprig(560, 600, -30, 0.7)
      }
      break
    }
    case 'cups4': {
      fourSeasons.forEach((tea, i) => {
        const x = 105 + i * 130
        body += shadow(x + 6, 478, 60, 10, 0.2) + cup(x, 472, 0.95, tea.liquor)
        body += text(tea.season, x, 505, 22, p.ink, 'opacity="0.8"') + text(tea.name, x, 530, 14, p.ink, 'opacity="0.6"')
      })
      body += steam(105, 392, 0.6) + steam(365, 392, 0.6)
      break
    }
    case 'leaves4': {
      fourSeasons.forEach((tea, i) => {
        const x = i % 2 === 0 ? 180 : 420
        const y = i < 2 ? 300 : 460
        body += leavesOnPlate(x, y, 110, 50, tea.leaf, r, Math.round(leafCount[tea.leaf] * 0.35))
        body += text(`${tea.season} · ${tea.name}`, x, y + 72, 16, p.ink, 'opacity="0.75" letter-spacing="2"')
      })
      break
    }
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
    <defs>${defs}</defs>${st.back}${body}${caption(cap, p, sub)}${st.front}</svg>`
}

function leafColorFor(kind: Leaf): string {
  switch (kind) {
    case 'needle': return '#c9cdb0'
    case 'pearl': return '#a9b27a'
    case 'mum': return '#f0d46a'
    case 'rose': return '#b83e68'
    default: return '#8fae4a'
  }
}

function miniCake(look: Look, p: Palette, r: Rng, cx: number, base: number): { defs: string; svg: string } {
  const c = cake(cx, base - 62, 62, look.pack === 'tuo' ? { ...look, color: '#f1e8d6', name: '小沱' } : look, p, r)
  return { defs: c.defs, svg: shadow(cx + 6, base + 2, 50, 7) + c.svg }
}

function tinOrBag(look: Look, p: Palette, r: Rng, cx: number, base: number, s: number): { defs: string; svg: string } {
  if (look.pack === 'bag') {
    const b = bag(cx, base, 200 * s, 300 * s, look.color, look.name, p, r)
    return { defs: b.defs, svg: shadow(cx + 8, base + 3, 70, 8) + b.svg }
  }
  const t = tin(cx, base, 176 * s, 270 * s, look.color, look.name, p)
  return { defs: t.defs, svg: shadow(cx + 8, base + 3, 60, 8) + t.svg }
}

// ───────────────────────────── icons and logo ─────────────────────────────

function categoryIcon(categoryId: string): string {
  const p = palettes[categoryId]
  const W = '#ffffff'
  const glyphs: Record<string, string> = {
    'cat-green': `<path d="M28,64 C28,40 44,26 70,24 C70,50 56,66 30,66Z" fill="${W}"/><path d="M30,66 C40,52 52,40 64,30" stroke="${p.icon[1]}" stroke-width="2.5" fill="none" stroke-linecap="round"/><path d="M30,66 L24,72" stroke="${W}" stroke-width="3" stroke-linecap="round"/>`,
    'cat-black': `<path d="M24,46 H64 C64,62 56,70 44,70 C32,70 24,62 24,46Z" fill="${W}"/><path d="M64,50 C74,50 74,62 62,62" stroke="${W}" stroke-width="4" fill="none"/><path d="M20,74 H68" stroke="${W}" stroke-width="4" stroke-linecap="round"/><path d="M38,40 c-5,-6 5,-10 0,-16 M50,40 c-5,-6 5,-10 0,-16" stroke="${W}" stroke-width="3" fill="none" stroke-linecap="round"/>`,
    'cat-oolong': `<circle cx="42" cy="54" r="15" fill="${W}"/><circle cx="37" cy="49" r="4" fill="${p.icon[0]}" opacity="0.6"/><path d="M55,46 C60,30 72,24 78,26 C76,40 66,48 55,46Z" fill="${W}"/><circle cx="62" cy="68" r="7" fill="${W}" opacity="0.85"/>`,
    'cat-puer': `<circle cx="48" cy="48" r="25" fill="${W}"/><circle cx="48" cy="48" r="17" fill="none" stroke="${p.icon[1]}" stroke-width="2.5"/><circle cx="48" cy="48" r="4" fill="${p.icon[1]}"/><path d="M48,23 L48,31 M48,65 L48,73 M23,48 L31,48 M65,48 L73,48" stroke="${p.icon[1]}" stroke-width="1.5" opacity="0.6"/>`,
    'cat-white': `<path d="M48,20 C58,36 58,58 48,74 C38,58 38,36 48,20Z" fill="${W}"/><path d="M48,28 L48,70" stroke="${p.icon[1]}" stroke-width="2" opacity="0.6"/><path d="M36,36 l-5,-3 M60,36 l5,-3 M34,50 l-6,0 M62,50 l6,0 M36,64 l-5,3 M60,64 l5,3" stroke="${W}" stroke-width="2.5" stroke-linecap="round"/>`,
    'cat-herbal': `${[0, 72, 144, 216, 288].map((a) => `<ellipse cx="48" cy="33" rx="9" ry="14" fill="${W}" transform="rotate(${a} 48 48)"/>`).join('')}<circle cx="48" cy="48" r="8" fill="#f6d36a"/>`,
    'cat-teaware': `<ellipse cx="46" cy="56" rx="20" ry="15" fill="${W}"/><path d="M28,52 C20,50 18,44 14,38 L18,36 C22,42 24,46 30,48Z" fill="${W}"/><path d="M64,48 C76,46 76,64 62,62" stroke="${W}" stroke-width="4" fill="none"/><path d="M34,42 Q46,32 58,42Z" fill="${W}"/><circle cx="46" cy="33" r="4" fill="${W}"/><path d="M30,73 H62" stroke="${W}" stroke-width="3" stroke-linecap="round"/>`,
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0.8" y2="1"><stop offset="0" stop-color="${p.icon[0]}"/><stop offset="1" stop-color="${p.icon[1]}"/></linearGradient></defs>
    <circle cx="48" cy="48" r="46" fill="url(#g)"/>
    <circle cx="48" cy="48" r="41" fill="none" stroke="#ffffff" stroke-width="1.2" opacity="0.4"/>
    ${glyphs[categoryId] ?? ''}</svg>`
}

function logo(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">
    <defs><radialGradient id="g" cx="0.4" cy="0.35" r="0.8"><stop offset="0" stop-color="${shade(SEAL_RED, 0.12)}"/><stop offset="1" stop-color="${shade(SEAL_RED, -0.18)}"/></radialGradient></defs>
    <circle cx="80" cy="80" r="78" fill="url(#g)"/>
    <circle cx="80" cy="80" r="70" fill="none" stroke="#fbf1e4" stroke-width="2.5"/>
    <circle cx="80" cy="80" r="65" fill="none" stroke="#fbf1e4" stroke-width="0.8" opacity="0.7"/>
    <path d="M46,45 q8,-6 16,0 q8,6 16,0 q8,-6 16,0 q8,6 16,0" stroke="#fbf1e4" stroke-width="1.8" fill="none" opacity="0.6" stroke-linecap="round"/>
    ${text('云', 58, 74, 38, '#fbf1e4', 'font-weight="bold"')}
    ${text('岭', 102, 74, 38, '#fbf1e4', 'font-weight="bold"')}
    <path d="M42,108 L58,98 L68,104 L82,92 L96,103 L106,98 L118,108" stroke="#fbf1e4" stroke-width="2" fill="none" stroke-linejoin="round" stroke-linecap="round" opacity="0.85"/>
    ${text('茶 舍', 80, 126, 14, '#fbf1e4', 'letter-spacing="4" opacity="0.9"')}
  </svg>`
}

// ───────────────────────────── the camera ─────────────────────────────

async function shoot(page: Page, svg: string, size: number, path: string, type: 'jpeg' | 'png'): Promise<void> {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:transparent}svg{display:block}</style></head><body>${svg}</body></html>`)
  await page.evaluate(() => document.fonts.ready)
  const clip = { x: 0, y: 0, width: size, height: size }
  if (type === 'jpeg') await page.screenshot({ path, type, quality: 72, clip })
  else await page.screenshot({ path, type, clip, omitBackground: true })
}

async function main(): Promise<void> {
  const only = process.argv[2] // optional: a product id (or prefix) to re-render just that one
  const dirs = ['products', 'categories', 'brand'].map((d) => join(ASSETS, d))
  for (const d of dirs) mkdirSync(d, { recursive: true })

  const browser = await chromium.launch({ executablePath: browserExecutable(), args: HEADLESS_ARGS })
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    // Nothing on these pages may reach the network.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))

    let count = 0
    for (const product of demoProducts) {
      if (only && !product._id.startsWith(only)) continue
      for (let n = 1; n <= product.images.length; n++) {
        const file = product.images[n - 1].replace(/^\/assets\//, '')
        await shoot(page, render(product, n), 600, join(ASSETS, file), 'jpeg')
        count++
      }
    }
    if (!only) {
      for (const c of demoCategories) {
        await shoot(page, categoryIcon(c._id), 96, join(ASSETS, c.icon.replace(/^\/assets\//, '')), 'png')
        count++
      }
      await shoot(page, logo(), 160, join(ASSETS, 'brand', 'logo.png'), 'png')
      count++
    }
    console.log(`rendered ${count} images into ${ASSETS}`)
  } finally {
    await browser.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
