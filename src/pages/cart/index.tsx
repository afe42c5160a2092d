import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { ActionButton } from '../../components/action-button'
import { useCartBadge } from '../../components/cart-badge'
import { CheckMark } from '../../components/check-mark'
import { showError } from '../../components/display'
import { useShippingRule } from '../../components/brand'
import { FreeShipping } from '../../components/free-shipping'
import { LoadStateView } from '../../components/load-state-view'
import type { CartItem, CartView } from '../../core/cart'
import { formatFen } from '../../core/money'
import { useLeaveOnce } from '../../components/use-leave-once'
import { goShopping, openCheckout, openProduct } from '../../routes'
import { useStores } from '../../stores'
import type { Outcome } from '../../stores/load-state'
import { CartLine } from './cart-line'
import './index.less'

interface CartContentProps {
  cart: CartView
  busy: boolean
  onChange: (change: Promise<Outcome<CartView>>) => void
}

const CartContent = observer(function CartContent({ cart: view, busy, onChange }: CartContentProps) {
  const { cart } = useStores()
  const shipping = useShippingRule()
  const available = view.items.filter((item) => !item.unavailable)
  const unavailable = view.items.filter((item) => item.unavailable)
  const allSelected = available.length > 0 && available.every((item) => item.selected)
  const leaveOnce = useLeaveOnce()

  const remove = async (items: CartItem[], question: string) => {
    const { confirm } = await Taro.showModal({ title: question, confirmText: '删除', confirmColor: '#d2463a' })
    if (confirm) onChange(cart.remove(items.map((item) => item.skuId)))
  }

  const settle = () => {
    const lines = available.filter((item) => item.selected).map(({ skuId, quantity }) => ({ skuId, quantity }))
    if (lines.length === 0) void Taro.showToast({ title: '请选择要结算的商品', icon: 'none' })
    else leaveOnce(() => openCheckout(lines, true))
  }

  const line = (item: CartItem) => (
    <CartLine
      key={item.skuId}
      item={item}
      busy={busy}
      onOpen={openProduct}
      onSelect={(it) => onChange(cart.select([it.skuId], !it.selected))}
      onQuantity={(it, quantity) => onChange(cart.setQuantity(it.skuId, quantity))}
      onRemove={(it) => void remove([it], '确定删除这件商品吗？')}
    />
  )

  return (
    <View className='cart'>
      {available.length > 0 && <View className='cart__group'>{available.map(line)}</View>}
      {unavailable.length > 0 && (
        <View className='cart__group'>
          <View className='cart__group-head'>
            <Text>以下商品暂时无法购买</Text>
            <Text className='cart__group-action' onClick={() => !busy && void remove(unavailable, '删除全部无法购买的商品？')}>全部删除</Text>
          </View>
          {unavailable.map(line)}
        </View>
      )}

      {available.length > 0 && (
        <View className='cart__shipping'>
          <FreeShipping rule={shipping} paidGoodsFen={view.selectedGoodsFen} onTopUp={goShopping} />
        </View>
      )}

      <View className='cart__bar'>
        <View className='cart__select-all' onClick={() => !busy && available.length > 0 && onChange(cart.select('all', !allSelected))}>
          <CheckMark checked={allSelected} disabled={available.length === 0} />
          <Text className='cart__select-all-text'>全选</Text>
        </View>
        <View className='cart__total'>
          <Text className='cart__total-label'>合计：</Text>
          <Text className='cart__total-amount'>{formatFen(view.selectedGoodsFen)}</Text>
        </View>
        <ActionButton className='cart__checkout' disabled={busy || view.selectedCount === 0} onClick={settle}>
          结算{view.selectedCount > 0 ? `(${view.selectedCount})` : ''}
        </ActionButton>
      </View>
    </View>
  )
})

function CartPage() {
  const { cart } = useStores()

  useDidShow(() => void cart.load())
  useCartBadge()

  const change = (request: Promise<Outcome<CartView>>) => {
    void request.then((outcome) => {
      if (!outcome.ok) showError(outcome.error)
    })
  }

  return (
    <LoadStateView
      state={cart.cart}
      onRetry={() => void cart.load()}
      isEmpty={(view) => view.items.length === 0}
      emptyText='购物车还是空的'
      emptyActionText='去逛逛'
      onEmptyAction={goShopping}
    >
      {(view) => <CartContent cart={view} busy={cart.changing} onChange={change} />}
    </LoadStateView>
  )
}

export default observer(CartPage)
