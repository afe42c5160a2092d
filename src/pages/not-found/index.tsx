import { StatusView } from '../../components/status-view'
import { goShopping } from '../../routes'

/** Where a link to a page that does not exist (an old share, a mistyped address) lands: a way home. */
export default function NotFoundPage() {
  return <StatusView empty emptyText='您访问的页面不存在或已下线' emptyActionText='回到首页' onEmptyAction={goShopping} />
}
