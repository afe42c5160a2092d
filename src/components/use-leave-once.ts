import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * For a button that takes the buyer to another page (立即购买, 去结算): the first tap goes, and every
 * tap after it is ignored until this page shows again. The new page takes a moment to slide over, and
 * a double tap would otherwise stack two of it.
 */
export function useLeaveOnce(): (go: () => void) => void {
  const leaving = useRef(false)
  useDidShow(() => {
    leaving.current = false
  })
  return (go) => {
    if (leaving.current) return
    leaving.current = true
    go()
  }
}
