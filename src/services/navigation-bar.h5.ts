import Taro from '@tarojs/taro'

const ACTIONS: Array<[selector: string, action: () => void]> = [
  // As the browser's own back: Taro's router takes it as the page's back (its navigateBack can miscount
  // the pages of a stack that began with a reload, and then does nothing).
  ['#taro-navigation-bar .taro-navigation-bar-back', () => window.history.back()],
  ['#taro-navigation-bar .taro-navigation-bar-home', () => void Taro.reLaunch({ url: '/pages/index/index' })],
]

/**
 * Taro's H5 router draws a navigation bar (back on a page over another, home on a first page that is
 * not home), but in an app with a tab bar it binds the buttons before the bar exists, so they do
 * nothing. Taps on them are taken here, while the click is still on its way down (capture), and
 * stopped there, so a tap goes back exactly once whether or not Taro's own listener is bound.
 */
export function wireNavigationBar(): () => void {
  // The bar is sticky at the top of the page (Taro's style: 8 + 24 + 8 px and the safe area); what a
  // page fixes at its top goes below it (@page-top in styles/theme.less).
  document.documentElement.style.setProperty('--page-top', 'calc(env(safe-area-inset-top) + 40px)')
  const onClick = (event: MouseEvent) => {
    const target = event.target instanceof Element ? event.target : null
    const hit = target && ACTIONS.find(([selector]) => target.closest(selector))
    if (!hit) return
    event.stopPropagation()
    hit[1]()
  }
  document.addEventListener('click', onClick, true)
  return () => document.removeEventListener('click', onClick, true)
}
