import { Input, Switch, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { LoadStateView } from '../../../components/load-state-view'
import type { AttributionStrategy } from '../../../core/attribution'
import { HqArea, mayAct } from '../../../core/hq'
import { hundredthsText, parseHundredths } from '../../../core/money'
import type { ReturnRules } from '../../../core/return-rules'
import { strategyText } from '../../../i18n/zh-CN'
import type { HqRules } from '../../../stores/hq-store'
import { useStores } from '../../../stores'
import { Field, Refusals, useSave } from '../../components/rules-fields'
import '../../hq.less'
import './index.less'

/** Every strategy (a record, so a new one is a type error here until it is listed); the core's list would bring zod along. */
const STRATEGIES = Object.keys({ first_touch: true, last_touch: true } satisfies Record<AttributionStrategy, true>) as AttributionStrategy[]

/** A card's refusal that names no field, and its save button (waiting while any decision is in flight). */
const SaveFooter = observer(function SaveFooter({ refusals, name, label, onSave }: { refusals: Refusals; name: string; label: string; onSave: () => void }) {
  const { hq } = useStores()
  return (
    <>
      {refusals.form && <Text className='hq-page__error'>{refusals.form}</Text>}
      <View className='hq-page__buttons'>
        <ActionButton className={`hq-page__button hq-rules__save-${name}`} loading={hq.saving} onClick={onSave}>
          {label}
        </ActionButton>
      </View>
    </>
  )
})

const CommissionCard = observer(function CommissionCard({ rules }: { rules: HqRules['commission'] }) {
  const { hq } = useStores()
  const { refusals, save } = useSave()
  const [values, setValues] = useState(() => ({
    defaultRateBps: hundredthsText(rules.defaultRateBps),
    afterSalesDays: String(rules.afterSalesDays),
    withdrawalMinFen: hundredthsText(rules.withdrawalMinFen),
    withdrawalDailyMaxFen: hundredthsText(rules.withdrawalDailyMaxFen),
    withdrawalAutoApproveMaxFen: hundredthsText(rules.withdrawalAutoApproveMaxFen),
  }))
  const [selfPurchase, setSelfPurchase] = useState(rules.selfPurchaseCommission)
  const field = (name: keyof typeof values, label: string) => (
    <Field label={label} name={name} value={values[name]} refusals={refusals} onInput={(value) => setValues({ ...values, [name]: value })} />
  )
  const submit = () =>
    save(() =>
      hq.saveCommissionRules({
        defaultRateBps: parseHundredths(values.defaultRateBps),
        categoryRatesBps: rules.categoryRatesBps,
        productRatesBps: rules.productRatesBps,
        selfPurchaseCommission: selfPurchase,
        afterSalesDays: Number(values.afterSalesDays.trim() || Number.NaN),
        withdrawalMinFen: parseHundredths(values.withdrawalMinFen),
        withdrawalDailyMaxFen: parseHundredths(values.withdrawalDailyMaxFen),
        withdrawalAutoApproveMaxFen: parseHundredths(values.withdrawalAutoApproveMaxFen),
      }),
    )
  return (
    <View className='hq-page__card hq-rules__commission'>
      <Text className='hq-page__card-title'>佣金与提现</Text>
      <Text className='hq-page__muted hq-rules__version'>{`当前第 ${rules.version} 版；保存即生成新版本，之后的订单按新版本计佣`}</Text>
      {field('defaultRateBps', '佣金比例（%）')}
      {field('afterSalesDays', '售后期（天，期满佣金可提现）')}
      {field('withdrawalMinFen', '单次最低提现（元）')}
      {field('withdrawalDailyMaxFen', '每日提现上限（元）')}
      {field('withdrawalAutoApproveMaxFen', '自动通过金额（元，0 表示每笔都由总部审核）')}
      <View className='hq-page__row'>
        <Text>自购返佣</Text>
        <Switch className='hq-rules__self-purchase' checked={selfPurchase} color='#2f6b4f' onChange={(event) => setSelfPurchase(event.detail.value)} />
      </View>
      <SaveFooter refusals={refusals} name='commission' label='保存佣金规则' onSave={() => void submit()} />
    </View>
  )
})

const AttributionCard = observer(function AttributionCard({ rules }: { rules: HqRules['attribution'] }) {
  const { hq } = useStores()
  const { refusals, save } = useSave()
  const [protectionDays, setProtectionDays] = useState(String(rules.protectionDays))
  const [strategy, setStrategy] = useState<AttributionStrategy>(rules.strategy)
  const submit = () =>
    save(() => hq.saveAttributionRules({ protectionDays: Number(protectionDays.trim() || Number.NaN), strategy, paidOrderExtends: rules.paidOrderExtends }))
  return (
    <View className='hq-page__card hq-rules__attribution'>
      <Text className='hq-page__card-title'>顾客归属</Text>
      <Text className='hq-page__muted hq-rules__version'>{`当前第 ${rules.version} 版`}</Text>
      <Field label='保护期（天）' name='protectionDays' value={protectionDays} refusals={refusals} onInput={setProtectionDays} />
      {STRATEGIES.map((s) => (
        <Text key={s} className={`hq-rules__strategy${s === strategy ? ' hq-rules__strategy--chosen' : ''}`} onClick={() => setStrategy(s)}>
          {strategyText(s)}
        </Text>
      ))}
      {refusals.strategy && <Text className='hq-page__error'>{refusals.strategy}</Text>}
      <SaveFooter refusals={refusals} name='attribution' label='保存归属规则' onSave={() => void submit()} />
    </View>
  )
})

const OrderRulesCard = observer(function OrderRulesCard({ rules }: { rules: HqRules['orders'] }) {
  const { hq } = useStores()
  const { refusals, save } = useSave()
  const [maxUnpaidOrders, setMaxUnpaidOrders] = useState(String(rules.maxUnpaidOrders))
  const [unpaidOrderMinutes, setUnpaidOrderMinutes] = useState(String(rules.unpaidOrderMinutes))
  const whole = (text: string) => Number(text.trim() || Number.NaN)
  const submit = () => save(() => hq.saveOrderRules({ maxUnpaidOrders: whole(maxUnpaidOrders), unpaidOrderMinutes: whole(unpaidOrderMinutes) }))
  return (
    <View className='hq-page__card hq-rules__orders'>
      <Text className='hq-page__card-title'>下单限制</Text>
      <Text className='hq-page__muted hq-rules__version'>{`当前第 ${rules.version} 版；未付款订单占用库存，限制每人数量可防止恶意占库存`}</Text>
      <Field label='每位顾客最多未付款订单（笔，1–50）' name='maxUnpaidOrders' value={maxUnpaidOrders} refusals={refusals} onInput={setMaxUnpaidOrders} />
      <Field label='付款时限（分钟，5–1440，超时自动取消；只对之后的新订单生效）' name='unpaidOrderMinutes' value={unpaidOrderMinutes} refusals={refusals} onInput={setUnpaidOrderMinutes} />
      <SaveFooter refusals={refusals} name='orders' label='保存下单限制' onSave={() => void submit()} />
    </View>
  )
})

const ShippingCard = observer(function ShippingCard({ rules }: { rules: HqRules['shipping'] }) {
  const { hq } = useStores()
  const { refusals, save } = useSave()
  const [values, setValues] = useState(() => ({ freeOverFen: hundredthsText(rules.freeOverFen), feeFen: hundredthsText(rules.feeFen) }))
  const field = (name: keyof typeof values, label: string) => (
    <Field label={label} name={name} value={values[name]} refusals={refusals} onInput={(value) => setValues({ ...values, [name]: value })} />
  )
  const submit = () => save(() => hq.saveShippingRules({ freeOverFen: parseHundredths(values.freeOverFen), feeFen: parseHundredths(values.feeFen) }))
  return (
    <View className='hq-page__card hq-rules__shipping'>
      <Text className='hq-page__card-title'>运费</Text>
      <Text className='hq-page__muted hq-rules__version'>{`当前第 ${rules.version} 版；商品实付满门槛包邮，否则收运费。已下的订单不受影响`}</Text>
      {field('freeOverFen', '包邮门槛（元，0 表示全场包邮）')}
      {field('feeFen', '运费（元）')}
      <SaveFooter refusals={refusals} name='shipping' label='保存运费规则' onSave={() => void submit()} />
    </View>
  )
})

const RETURN_ADDRESS_FIELDS = [
  ['name', '收件人', 20],
  ['phone', '手机号', 20],
  ['province', '省份', 20],
  ['city', '城市', 20],
  ['district', '区县', 20],
  ['detail', '详细地址', 120],
] as const

/**
 * 退货设置: where returned goods go and how many days buyers have to send them. A return cannot be
 * agreed to before the address is set; each return keeps the address and deadline of the day HQ agreed.
 */
const ReturnRulesCard = observer(function ReturnRulesCard({ rules }: { rules: ReturnRules }) {
  const { hq } = useStores()
  const { refusals, save } = useSave()
  const [address, setAddress] = useState(() => {
    const { name = '', phone = '', province = '', city = '', district = '', detail = '' } = rules.address ?? {}
    return { name, phone, province, city, district, detail }
  })
  const [returnDays, setReturnDays] = useState(String(rules.returnDays))
  const submit = () => save(() => hq.saveReturnRules({ returnDays: Number(returnDays.trim() || Number.NaN), address }))
  return (
    <View className='hq-page__card hq-rules__returns'>
      <Text className='hq-page__card-title'>退货设置</Text>
      <Text className='hq-page__muted hq-rules__version'>
        {rules.address ? `当前第 ${rules.version} 版；同意退货时，买家看到此地址和寄回期限` : '尚未设置退货地址：设置后才能同意买家的退货退款申请'}
      </Text>
      {RETURN_ADDRESS_FIELDS.map(([name, label, maxlength]) => (
        <View key={name}>
          <Text className='hq-page__label'>{label}</Text>
          <Input
            className={`hq-page__input hq-rules__return-${name}`}
            type={name === 'phone' ? 'number' : 'text'}
            value={address[name]}
            maxlength={maxlength}
            onInput={(event) => setAddress({ ...address, [name]: event.detail.value })}
          />
          {refusals[`address.${name}`] && <Text className='hq-page__error'>{refusals[`address.${name}`]}</Text>}
        </View>
      ))}
      <Field label='寄回期限（同意退货后，天，1–30）' name='returnDays' value={returnDays} refusals={refusals} onInput={setReturnDays} />
      {refusals.form && <Text className='hq-page__error'>{refusals.form}</Text>}
      <View className='hq-page__buttons'>
        <ActionButton className='hq-page__button hq-rules__save-returns' loading={hq.saving} onClick={() => void submit()}>
          保存退货设置
        </ActionButton>
      </View>
    </View>
  )
})

const ShopOpeningCard = observer(function ShopOpeningCard({ reviewRequired }: { reviewRequired: boolean }) {
  const { hq } = useStores()
  const { refusals, save } = useSave()
  return (
    <View className='hq-page__card hq-rules__opening'>
      <Text className='hq-page__card-title'>开店审核</Text>
      <View className='hq-page__row'>
        <Text>员工开店需总部审核</Text>
        <Switch className='hq-rules__review' checked={reviewRequired} color='#2f6b4f' disabled={hq.saving} onChange={(event) => void save(() => hq.saveShopOpening(event.detail.value))} />
      </View>
      {refusals.form && <Text className='hq-page__error'>{refusals.form}</Text>}
    </View>
  )
})

/** HQ's hot words on the search page, typed in one line separated by commas (a word may hold a space). */
const HotWordsCard = observer(function HotWordsCard({ words }: { words: string[] }) {
  const { search } = useStores()
  const [text, setText] = useState(words.join('，'))
  const [refusal, setRefusal] = useState('')
  const submit = async () => {
    const outcome = await search.saveHotWords(text.split(/[,，]/))
    setRefusal(outcome.ok ? '' : outcome.error.message)
    if (outcome.ok) void Taro.showToast({ title: '已保存', icon: 'success' })
  }
  return (
    <View className='hq-page__card hq-rules__hot-words'>
      <Text className='hq-page__card-title'>搜索热词</Text>
      <Text className='hq-page__muted'>显示在搜索页，搜不到商品时也会推荐；用逗号分隔，最多 10 个</Text>
      <Input className='hq-page__input hq-rules__hot-words-input' value={text} placeholder='如：龙井，礼盒，普洱 2019' onInput={(event) => setText(event.detail.value)} />
      {refusal && <Text className='hq-page__error'>{refusal}</Text>}
      <View className='hq-page__buttons'>
        <ActionButton className='hq-page__button hq-rules__save-hot-words' onClick={() => void submit()}>保存热词</ActionButton>
      </View>
    </View>
  )
})

/** HQ's rules, each card shown to the roles that may change it; every save is a new version. */
function HqRulesPage() {
  const { hq, profile, search } = useStores()
  const role = profile.profile.status === 'ready' ? profile.profile.data?.hqRole : undefined
  const may = (area: HqArea) => role !== undefined && mayAct(role, area)
  useDidShow(() => {
    void hq.loadRules()
    void search.loadHotWords()
  })
  // The return address is the order desk's (hq-orders): loaded once the role says the card shows.
  const mayReturns = may('orders')
  useEffect(() => {
    if (mayReturns) void hq.loadReturnRules()
  }, [hq, mayReturns])
  return (
    <View className='hq-page hq-rules'>
      <LoadStateView state={hq.rules} onRetry={() => void hq.loadRules()}>
        {(rules) => (
          <>
            {/* Keyed by version: a saved rule comes back as the next version and the form starts from it. */}
            {may('commission') && <CommissionCard key={`c${rules.commission.version}`} rules={rules.commission} />}
            {may('settings') && <AttributionCard key={`a${rules.attribution.version}`} rules={rules.attribution} />}
            {may('settings') && <OrderRulesCard key={`o${rules.orders.version}`} rules={rules.orders} />}
            {may('settings') && <ShippingCard key={`s${rules.shipping.version}`} rules={rules.shipping} />}
            {may('orders') && hq.returnRules.status === 'ready' && <ReturnRulesCard key={`r${hq.returnRules.data.version}`} rules={hq.returnRules.data} />}
            {may('shops') && <ShopOpeningCard reviewRequired={rules.shopOpening.reviewRequired} />}
            {may('catalog') && search.hotWords.status === 'ready' && <HotWordsCard words={search.hotWords.data} />}
          </>
        )}
      </LoadStateView>
    </View>
  )
}

export default observer(HqRulesPage)
