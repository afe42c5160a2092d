// Taro builds poster-canvas.weapp.tsx or poster-canvas.h5.tsx for `./poster-canvas`; this declaration
// is what TypeScript sees, and what both platform files implement.
import type { ReactElement } from 'react'
import type { PosterContent } from './draw-poster'

export interface PosterCanvasProps {
  /** What to draw; null: nothing yet. */
  content: PosterContent | null
  /** The drawn poster: a temporary file on weapp, a PNG data URL on H5. */
  onDrawn: (image: string) => void
  onFailed: () => void
}

/** Draws the poster: on weapp in a hidden canvas of the page, on H5 in an off-page canvas. */
export declare function PosterCanvas(props: PosterCanvasProps): ReactElement | null

/** Keeping the poster: 保存到相册 on weapp, a download link on H5. */
export declare function SavePoster(props: { image: string }): ReactElement
