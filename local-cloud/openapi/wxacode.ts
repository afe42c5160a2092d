import QRCode from 'qrcode'

/** What WeChat's HTTP API answers: the image, or JSON with an errcode (0 with `ok` when an API that returns no image succeeds). */
export type WxAnswer =
  | { errcode: 0; contentType: string; image: Buffer; content: string }
  | { errcode: number; errmsg: string }

/**
 * WeChat's mini program code is a round "wxacode" only WeChat can read. The local cloud draws a plain
 * QR code instead, holding a URL anyone can parse back: this origin, the page, and the scene
 * URL-encoded as `scene` — the same encoding the page receives in `options.scene`.
 */
const CODE_ORIGIN = 'https://everyshop.local'

function codeContent(page: string, scene: string): string {
  return `${CODE_ORIGIN}/${page}?scene=${encodeURIComponent(scene)}`
}

/** WeChat's rule: at most 32 visible characters, digits, letters and `!#$&'()*+,/:;=?@-._~` (no `%`). */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
const ENV_VERSIONS = ['release', 'trial', 'develop']
const WIDTH_MIN_PX = 280
const WIDTH_MAX_PX = 1280
const WIDTH_DEFAULT_PX = 430

const invalidArgs = (detail: string): WxAnswer => ({ errcode: 40097, errmsg: `invalid args (local cloud: ${detail})` })

/**
 * `wxacode.getUnlimited` as WeChat validates it: a bad scene is 40169, a page the app does not have is
 * 41030 unless `check_path` is false, and no page means the home page. WeChat documents the width range
 * but not what happens outside it, so the local cloud refuses such a width (40097) rather than let the
 * shop depend on a guess; the image is exactly `width` pixels square. `line_color` and `is_hyaline` are
 * honoured; `auto_color` is accepted and ignored (its colour is WeChat's choice).
 */
export async function getUnlimited(params: Record<string, unknown>, appPages: () => string[]): Promise<WxAnswer> {
  const { scene, page, check_path: checkPath = true, env_version: envVersion = 'release', width = WIDTH_DEFAULT_PX } = params
  if (typeof scene !== 'string' || !SCENE.test(scene)) {
    return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' }
  }
  if (page !== undefined && typeof page !== 'string') return invalidArgs('page must be a string')
  if (typeof checkPath !== 'boolean') return invalidArgs('check_path must be a boolean')
  if (typeof envVersion !== 'string' || !ENV_VERSIONS.includes(envVersion)) {
    return invalidArgs(`env_version must be one of ${ENV_VERSIONS.join(', ')}`)
  }
  if (typeof width !== 'number' || !Number.isInteger(width) || width < WIDTH_MIN_PX || width > WIDTH_MAX_PX) {
    return invalidArgs(`width must be a whole number of pixels from ${WIDTH_MIN_PX} to ${WIDTH_MAX_PX}`)
  }
  const dark = lineColor(params.line_color)
  if (dark === undefined) return invalidArgs('line_color must be {r, g, b} with each from 0 to 255')
  const transparent = params.is_hyaline ?? false
  if (typeof transparent !== 'boolean') return invalidArgs('is_hyaline must be a boolean')

  const pages = page && !checkPath ? [] : appPages()
  const target = page || pages[0]
  if (!target || (checkPath && !pages.includes(target))) return { errcode: 41030, errmsg: 'invalid page' }

  const content = codeContent(target, scene)
  const image = await QRCode.toBuffer(content, {
    type: 'png',
    width,
    margin: 4,
    errorCorrectionLevel: 'M',
    color: { dark, light: transparent ? '#ffffff00' : '#ffffffff' },
  })
  return { errcode: 0, contentType: 'image/png', image, content }
}

/** `{ r, g, b }` in decimal (WeChat's example writes them as strings) as `#rrggbb`; black by default. */
function lineColor(value: unknown): string | undefined {
  if (value === undefined) return '#000000'
  if (typeof value !== 'object' || value === null) return undefined
  const channels = ['r', 'g', 'b'].map((key) => {
    const channel = (value as Record<string, unknown>)[key] ?? 0
    if (typeof channel === 'number') return channel
    return typeof channel === 'string' && channel.trim() !== '' ? Number(channel) : NaN
  })
  if (!channels.every((c) => Number.isInteger(c) && c >= 0 && c <= 255)) return undefined
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`
}
