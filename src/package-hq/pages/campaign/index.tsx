import { Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { showDone } from '../../../components/display'
import { CheckMark } from '../../../components/check-mark'
import type { HqProductRow } from '../../../contracts/hq-catalog'
import { priceRangeText } from '../../../i18n/zh-CN'
import { useHqCatalog } from '../../hq-catalog-store'
import { useHqMarketing } from '../../hq-marketing-store'
import { type CampaignForm, type FormItem, type PriceMode, draftOf, formOf, newForm } from './campaign-form'
import '../../hq.less'
import './index.less'

const MODES: Array<{ key: PriceMode; label: string; placeholder: string }> = [
  { key: 'price', label: '活动价', placeholder: '元' },
  { key: 'off', label: '直降', placeholder: '%' },
]

function ProductChoice({ product, item, onChange }: { product: HqProductRow; item: FormItem | undefined; onChange: (item: FormItem | null) => void }) {
  const toggle = () => onChange(item ? null : { productId: product._id, mode: 'price', value: '' })
  return (
    <View className='hq-page__row hq-campaign__product'>
      <View className='hq-campaign__pick' onClick={toggle}>
        <CheckMark checked={Boolean(item)} onToggle={toggle} />
        <View className='hq-campaign__product-text'>
          <Text className='hq-campaign__title'>{product.title}</Text>
          <Text className='hq-page__muted'>{`原价 ${priceRangeText(product.minPriceFen, product.maxPriceFen)}`}</Text>
        </View>
      </View>
      {item && (
        <View className='hq-campaign__price'>
          {MODES.map((mode) => (
            <Text
              key={mode.key}
              className={`hq-campaign__mode hq-campaign__mode--${mode.key}${item.mode === mode.key ? ' hq-campaign__mode--on' : ''}`}
              onClick={() => onChange({ ...item, mode: mode.key })}
            >
              {mode.label}
            </Text>
          ))}
          <Input
            className='hq-page__input hq-campaign__amount'
            type='digit'
            value={item.value}
            placeholder={MODES.find((m) => m.key === item.mode)!.placeholder}
            onInput={(e) => onChange({ ...item, value: e.detail.value })}
          />
        </View>
      )}
    </View>
  )
}

/**
 * 新建 / 编辑限时折扣: a name, a window in Shanghai time, and the products on sale with a fixed price or
 * a share off each. The rules (a price above 0 and not above the list price, no overlap with another
 * campaign) are the server's: a refusal shows its words under the form.
 */
function HqCampaignPage() {
  const marketing = useHqMarketing()
  const hqCatalog = useHqCatalog()
  const { params } = useRouter()
  const campaignId = params.id ? decodeURIComponent(params.id) : null
  const [form, setForm] = useState<CampaignForm>(() => newForm(new Date()))
  const [failure, setFailure] = useState('')
  const campaign = campaignId && marketing.campaign.status === 'ready' && marketing.campaign.data._id === campaignId ? marketing.campaign.data : null
  const products = hqCatalog.products.state.status === 'ready' ? hqCatalog.products.state.data : []

  useEffect(() => {
    if (campaignId) void marketing.loadCampaign(campaignId)
    // The products to choose from: those on the shelf.
    void hqCatalog.showShelf('on')
  }, [campaignId])
  useEffect(() => {
    if (campaign) setForm(formOf(campaign))
  }, [campaign?._id])

  const set = (change: Partial<CampaignForm>) => setForm((f) => ({ ...f, ...change }))
  const choose = (productId: string, item: FormItem | null) =>
    set({ items: item ? [...form.items.filter((i) => i.productId !== productId), item] : form.items.filter((i) => i.productId !== productId) })

  const save = async () => {
    setFailure('')
    const checked = draftOf(form)
    if (!checked.ok) return setFailure(checked.problem)
    const outcome = await marketing.save(campaignId, checked.draft)
    if (!outcome.ok) return setFailure(outcome.error.message)
    showDone('已保存')
    void Taro.navigateBack()
  }

  return (
    <View className='hq-page hq-campaign'>
      <View className='hq-page__card'>
        <Text className='hq-page__label'>活动名称（顾客可见）</Text>
        <Input className='hq-page__input hq-campaign__name' value={form.name} maxlength={30} placeholder='如：双十二限时折扣' onInput={(e) => set({ name: e.detail.value })} />
        <Text className='hq-page__label'>开始时间</Text>
        <Input className='hq-page__input hq-campaign__start' value={form.start} placeholder='2026-12-12 10:00' onInput={(e) => set({ start: e.detail.value })} />
        <Text className='hq-page__label'>结束时间</Text>
        <Input className='hq-page__input hq-campaign__end' value={form.end} placeholder='2026-12-13 10:00' onInput={(e) => set({ end: e.detail.value })} />
      </View>
      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>参加活动的商品</Text>
        <Text className='hq-page__muted'>活动价或直降比例作用于商品的每个规格，不能高于原价。</Text>
        {products.map((product) => (
          <ProductChoice key={product._id} product={product} item={form.items.find((i) => i.productId === product._id)} onChange={(item) => choose(product._id, item)} />
        ))}
        {hqCatalog.products.hasMore && (
          <Text className='hq-campaign__more' onClick={() => void hqCatalog.products.loadMore()}>
            加载更多商品
          </Text>
        )}
      </View>
      {failure && <Text className='hq-page__error hq-campaign__failure'>{failure}</Text>}
      <View className='hq-page__buttons hq-campaign__buttons'>
        <ActionButton className='hq-page__button hq-campaign__save' loading={marketing.saving} onClick={() => void save()}>
          {campaignId ? '保存' : '创建活动'}
        </ActionButton>
      </View>
    </View>
  )
}

export default observer(HqCampaignPage)
