import { Switch, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { LoadStateView } from '../../../components/load-state-view'
import type { MemberRules } from '../../../core/member'
import { hundredthsText, parseHundredths } from '../../../core/money'
import { memberLevelText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import { Field, useSave } from '../../components/rules-fields'
import { MemberRulesStore } from '../../member-rules-store'
import '../../hq.less'

const wholeNumber = (text: string) => Number(text.trim() || Number.NaN)

/** The rules as HQ types them: yuan and percentages with two decimals, points as whole numbers. */
function MemberRulesForm({ rules, store }: { rules: MemberRules; store: MemberRulesStore }) {
  const { refusals, save } = useSave()
  const [values, setValues] = useState({
    earnPointsPer100Yuan: String(rules.earnPointsPer100Yuan),
    pointsPerYuan: String(rules.pointsPerYuan),
    redeemCapBps: hundredthsText(rules.redeemCapBps),
  })
  const [levels, setLevels] = useState(() => rules.levels.map((l) => ({ ...l, threshold: hundredthsText(l.thresholdFen), discount: hundredthsText(l.discountBps) })))
  const setLevel = (i: number, change: Partial<(typeof levels)[number]>) => setLevels(levels.map((l, j) => (j === i ? { ...l, ...change } : l)))
  const field = (name: keyof typeof values, label: string) => (
    <Field label={label} name={name} value={values[name]} refusals={refusals} onInput={(value) => setValues({ ...values, [name]: value })} />
  )
  const submit = () =>
    save(() =>
      store.save({
        earnPointsPer100Yuan: wholeNumber(values.earnPointsPer100Yuan),
        pointsPerYuan: wholeNumber(values.pointsPerYuan),
        redeemCapBps: parseHundredths(values.redeemCapBps),
        levels: levels.map(({ level, threshold, discount, freeShipping }) => ({ level, thresholdFen: parseHundredths(threshold), discountBps: parseHundredths(discount), freeShipping })),
      }),
    )
  return (
    <View className='hq-page__card hq-member-rules'>
      <Text className='hq-page__card-title'>积分</Text>
      <Text className='hq-page__muted'>{`当前第 ${rules.version} 版；积分在订单完成时按当时的版本发放`}</Text>
      {field('earnPointsPer100Yuan', '每实付 ¥100 商品金额得积分')}
      {field('pointsPerYuan', '多少积分抵 ¥1')}
      {field('redeemCapBps', '积分最多抵扣商品金额（%）')}
      <Text className='hq-page__card-title'>会员等级</Text>
      {levels.map((l, i) => (
        <View key={l.level} className={`hq-member-rules__level hq-member-rules__${l.level}`}>
          <Text className='hq-page__label'>{memberLevelText(l.level)}</Text>
          <Field label='累计消费门槛（元）' name={`levels.${i}.thresholdFen`} value={l.threshold} refusals={refusals} onInput={(threshold) => setLevel(i, { threshold })} />
          <Field label='折扣（减 %，如 2 即 98 折）' name={`levels.${i}.discountBps`} value={l.discount} refusals={refusals} onInput={(discount) => setLevel(i, { discount })} />
          <View className='hq-page__label'>
            <Text>全场包邮 </Text>
            <Switch checked={l.freeShipping} color='#2f6b4f' onChange={(event) => setLevel(i, { freeShipping: event.detail.value })} />
          </View>
        </View>
      ))}
      {refusals.levels && <Text className='hq-page__error'>{refusals.levels}</Text>}
      {refusals.form && <Text className='hq-page__error'>{refusals.form}</Text>}
      <View className='hq-page__buttons'>
        <ActionButton className='hq-page__button hq-member-rules__save' loading={store.saving} onClick={() => void submit()}>
          保存积分与会员规则
        </ActionButton>
      </View>
    </View>
  )
}

/** 积分与会员: HQ's points rate, redemption and cap, and the member levels' thresholds and benefits. */
function HqMemberRulesPage() {
  const { cloud } = useStores()
  const [store] = useState(() => new MemberRulesStore(cloud))
  useDidShow(() => void store.load())
  return (
    <View className='hq-page'>
      <LoadStateView state={store.rules} onRetry={() => void store.load()}>
        {(rules) => <MemberRulesForm key={rules.version} rules={rules} store={store} />}
      </LoadStateView>
    </View>
  )
}

export default observer(HqMemberRulesPage)
