import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { unitsAllowed, type LineProblem, type ReviewedLine } from '../../../core/pricing'
import type { Checkout } from '../../../stores/checkout'

function problemText(problem: LineProblem): string {
  switch (problem.kind) {
    case 'unavailable':
      return '商品已下架或失效'
    case 'short':
      return problem.available > 0 ? `库存仅剩 ${problem.available} 件` : '已售罄'
    case 'over_limit':
      return `每件商品最多购买 ${problem.max} 件`
  }
}

/** Under a checkout line that cannot be bought as asked: why, and the fixes (改为 N 件, 删除). */
function LineFixView({ line, checkout }: { line: ReviewedLine; checkout: Checkout }) {
  if (!line.problem) return null
  const units = unitsAllowed(line.problem)
  const busy = checkout.review.status === 'loading'
  return (
    <View className='line-fix'>
      <Text className='line-fix__problem'>{problemText(line.problem)}</Text>
      {units > 0 && (
        <Text className='line-fix__action line-fix__change' onClick={() => !busy && void checkout.changeQuantity(line.skuId, units)}>
          改为 {units} 件
        </Text>
      )}
      <Text className='line-fix__action line-fix__remove' onClick={() => !busy && void checkout.removeLine(line.skuId)}>
        删除
      </Text>
    </View>
  )
}

export const LineFix = observer(LineFixView)
