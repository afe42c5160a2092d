/**
 * The poster, drawn on a 2D canvas context — the browser's or WeChat's (type="2d"), which draw alike;
 * only how a canvas is made, how images load and how the result is saved differ (poster-canvas).
 * Sizes are in poster pixels; the canvas is SCALE times larger so the QR code prints sharp.
 */
export const POSTER_WIDTH = 600
export const POSTER_HEIGHT = 900
export const SCALE = 2

export interface PosterContent {
  /** The product photo, or the shop's avatar for a shop poster; none: a brand-coloured panel. */
  photo: string | null
  title: string
  /** The price line (products only). */
  priceText: string | null
  shopName: string
  ownerName: string
  /** The 小程序码 image for the share's scene. */
  qr: string
}

/** What a platform gives the drawing: the context and a way to load an image it can draw. */
export interface PosterSurface {
  context: CanvasRenderingContext2D
  loadImage(src: string): Promise<CanvasImageSource & { width: number; height: number }>
}

const COLOR = { background: '#fffdf8', primary: '#2f6b4f', text: '#2b2a26', secondary: '#7a766c', price: '#b4532a' }
const FONT = '"PingFang SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif'
const PHOTO = POSTER_WIDTH
const QR = { x: 384, y: 656, size: 192 }
const TEXT_LEFT = 32
const TEXT_WIDTH = QR.x - TEXT_LEFT - 24

/** Breaks text into at most `lines` lines that fit `width`, the last one cut with an ellipsis. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number, lines: number): string[] {
  const result: string[] = []
  let line = ''
  for (const char of Array.from(text)) {
    if (context.measureText(line + char).width <= width) {
      line += char
      continue
    }
    result.push(line)
    line = char
    if (result.length === lines) break
  }
  if (result.length < lines && line) result.push(line)
  if (result.length === lines && result.join('').length < Array.from(text).length) {
    let last = result[lines - 1]
    while (last && context.measureText(`${last}…`).width > width) last = last.slice(0, -1)
    result[lines - 1] = `${last}…`
  }
  return result
}

/** Draws `image` to fill the square at (0, 0) of side `side`, cropped from its centre. */
function drawCover(context: CanvasRenderingContext2D, image: CanvasImageSource & { width: number; height: number }, side: number): void {
  const crop = Math.min(image.width, image.height)
  context.drawImage(image, (image.width - crop) / 2, (image.height - crop) / 2, crop, crop, 0, 0, side, side)
}

export async function drawPoster(surface: PosterSurface, content: PosterContent): Promise<void> {
  const { context } = surface
  const [photo, qr] = await Promise.all([content.photo ? surface.loadImage(content.photo) : null, surface.loadImage(content.qr)])
  context.scale(SCALE, SCALE)
  context.fillStyle = COLOR.background
  context.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT)

  if (photo) {
    drawCover(context, photo, PHOTO)
  } else {
    context.fillStyle = COLOR.primary
    context.fillRect(0, 0, POSTER_WIDTH, PHOTO)
    context.fillStyle = '#ffffff'
    context.textAlign = 'center'
    context.font = `600 48px ${FONT}`
    context.fillText(content.shopName, POSTER_WIDTH / 2, PHOTO / 2)
    context.textAlign = 'left'
  }

  context.textBaseline = 'top'
  context.fillStyle = COLOR.text
  context.font = `600 28px ${FONT}`
  let y = 640
  for (const line of wrap(context, content.title, TEXT_WIDTH, 2)) {
    context.fillText(line, TEXT_LEFT, y)
    y += 40
  }
  if (content.priceText) {
    context.fillStyle = COLOR.price
    context.font = `600 36px ${FONT}`
    context.fillText(content.priceText, TEXT_LEFT, y + 8)
  }
  context.fillStyle = COLOR.primary
  context.font = `600 24px ${FONT}`
  context.fillText(wrap(context, content.shopName, TEXT_WIDTH, 1)[0] ?? '', TEXT_LEFT, 790)
  context.fillStyle = COLOR.secondary
  context.font = `22px ${FONT}`
  context.fillText(`店主 ${content.ownerName}`, TEXT_LEFT, 826)
  context.fillText('长按识别小程序码进店', TEXT_LEFT, 858)

  // A white margin round the code: readers need a quiet zone, and the photo may be dark.
  context.fillStyle = '#ffffff'
  context.fillRect(QR.x - 8, QR.y - 8, QR.size + 16, QR.size + 16)
  context.drawImage(qr, QR.x, QR.y, QR.size, QR.size)
}
