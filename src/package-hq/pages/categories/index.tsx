import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { showError } from '../../../components/display'
import { LoadStateView } from '../../../components/load-state-view'
import type { HqCategory } from '../../../contracts/hq-catalog'
import { PRODUCT_LIMITS } from '../../../core/product-editing'
import { useHqCatalog } from '../../hq-catalog-store'
import '../../hq.less'
import './index.less'

const CategoryRow = observer(function CategoryRow({ category, first, last }: { category: HqCategory; first: boolean; last: boolean }) {
  const hqCatalog = useHqCatalog()
  const [name, setName] = useState<string | null>(null)
  const report = (outcome: { ok: boolean; error?: Parameters<typeof showError>[0] }) => {
    if (!outcome.ok && outcome.error) showError(outcome.error)
  }
  const rename = async () => {
    if (name === null || !name.trim()) return setName(null)
    const outcome = await hqCatalog.renameCategory(category._id, name.trim())
    report(outcome)
    if (outcome.ok) setName(null)
  }
  const remove = async () => {
    const { confirm } = await Taro.showModal({ title: `删除分类「${category.name}」？`, content: '删除后不能恢复' })
    if (confirm) report(await hqCatalog.deleteCategory(category._id))
  }
  return (
    <View className='hq-page__row hq-categories__row'>
      {name === null ? (
        <Text className='hq-categories__name' onClick={() => setName(category.name)}>
          {`${category.name}（${category.products}）`}
        </Text>
      ) : (
        <Input className='hq-page__input hq-categories__rename' value={name} maxlength={PRODUCT_LIMITS.categoryNameChars} focus onInput={(e) => setName(e.detail.value)} onConfirm={() => void rename()} onBlur={() => void rename()} />
      )}
      <View className='hq-categories__actions'>
        {!first && (
          <Text className='hq-categories__action hq-categories__up' onClick={() => void hqCatalog.moveCategory(category._id, -1).then(report)}>
            上移
          </Text>
        )}
        {!last && (
          <Text className='hq-categories__action hq-categories__down' onClick={() => void hqCatalog.moveCategory(category._id, 1).then(report)}>
            下移
          </Text>
        )}
        <Text className='hq-categories__action hq-categories__delete' onClick={() => void remove()}>
          删除
        </Text>
      </View>
    </View>
  )
})

/** The shop's categories in its order: add, rename (tap the name), move up or down, delete an empty one. */
function HqCategoriesPage() {
  const hqCatalog = useHqCatalog()
  const [name, setName] = useState('')
  useDidShow(() => void hqCatalog.loadCategories())
  const add = async () => {
    const outcome = await hqCatalog.createCategory(name.trim())
    if (outcome.ok) setName('')
    else showError(outcome.error)
  }
  return (
    <View className='hq-page hq-categories'>
      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>新建分类</Text>
        <View className='hq-categories__add'>
          <Input className='hq-page__input hq-categories__new-name' value={name} maxlength={PRODUCT_LIMITS.categoryNameChars} placeholder='分类名称' onInput={(e) => setName(e.detail.value)} />
          <ActionButton className='hq-categories__add-button' disabled={!name.trim()} loading={hqCatalog.saving} onClick={() => void add()}>
            添加
          </ActionButton>
        </View>
      </View>
      <LoadStateView state={hqCatalog.categories} onRetry={() => void hqCatalog.loadCategories()} isEmpty={(list) => list.length === 0} emptyText='还没有分类'>
        {(list) => (
          <View className='hq-page__card'>
            <Text className='hq-page__muted'>点名称可改名；括号里是分类下的商品数，有商品的分类不能删除。</Text>
            {list.map((category, i) => (
              <CategoryRow key={category._id} category={category} first={i === 0} last={i === list.length - 1} />
            ))}
          </View>
        )}
      </LoadStateView>
    </View>
  )
}

export default observer(HqCategoriesPage)
