import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { ActionButton } from '../../../components/action-button'
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, SCALE } from './draw-poster'
import type { PosterCanvasProps } from './poster-canvas'

const CANVAS_ID = 'poster-canvas'

/** WeChat's 2D canvas node of this page's hidden <Canvas>. */
function canvasNode(): Promise<any> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery().select(`#${CANVAS_ID}`).fields({ node: true, size: true }).exec((result) => resolve(result[0]?.node))
  })
}

/** Draws in a type="2d" canvas kept off screen, then exports it to a temporary file for 保存到相册. */
export function PosterCanvas({ content, onDrawn, onFailed }: PosterCanvasProps) {
  useEffect(() => {
    if (!content) return
    const draw = async () => {
      const canvas = await canvasNode()
      canvas.width = POSTER_WIDTH * SCALE
      canvas.height = POSTER_HEIGHT * SCALE
      const loadImage = (src: string) =>
        new Promise<any>((resolve, reject) => {
          const image = canvas.createImage()
          image.onload = () => resolve(image)
          image.onerror = reject
          image.src = src
        })
      await drawPoster({ context: canvas.getContext('2d'), loadImage }, content)
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas } as Taro.canvasToTempFilePath.Option)
      onDrawn(tempFilePath)
    }
    draw().catch(onFailed)
  }, [content])
  return <Canvas type='2d' id={CANVAS_ID} className='poster__canvas' />
}

/** Saves to the album; a refused permission can only be given back in the settings page. */
export function SavePoster({ image }: { image: string }) {
  const save = async () => {
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: image })
      void Taro.showToast({ title: '已保存到相册', icon: 'success' })
    } catch {
      const answer = await Taro.showModal({ title: '无法保存', content: '需要允许保存到相册，是否前往设置？', confirmText: '去设置' })
      if (answer.confirm) void Taro.openSetting()
    }
  }
  return <ActionButton className='poster__save' onClick={() => void save()}>保存到相册</ActionButton>
}
