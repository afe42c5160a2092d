import { useEffect } from 'react'
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, SCALE } from './draw-poster'
import type { PosterCanvasProps } from './poster-canvas'

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    // The canvas must stay readable (toDataURL): images from another origin must allow it.
    if (!src.startsWith('data:')) image.crossOrigin = 'anonymous'
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error(`poster image failed to load: ${src}`))
    image.src = src
  })
}

/** The browser has no album: the poster is drawn on an off-page canvas and offered as a PNG download. */
export function PosterCanvas({ content, onDrawn, onFailed }: PosterCanvasProps) {
  useEffect(() => {
    if (!content) return
    const canvas = document.createElement('canvas')
    canvas.width = POSTER_WIDTH * SCALE
    canvas.height = POSTER_HEIGHT * SCALE
    const context = canvas.getContext('2d')
    if (!context) {
      onFailed()
      return
    }
    drawPoster({ context, loadImage }, content).then(() => onDrawn(canvas.toDataURL('image/png')), onFailed)
  }, [content])
  return null
}

export function SavePoster({ image }: { image: string }) {
  return (
    <a className='poster__save' href={image} download='everyshop-poster.png'>
      下载海报
    </a>
  )
}
