import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { showDone, specsText } from '../../../components/display'
import { LoadStateView } from '../../../components/load-state-view'
import { PRODUCT_LIMITS, STOCK_REASONS, type StockReason } from '../../../core/product-editing'
import { formatShanghai } from '../../../core/time'
import { useHqCatalog } from '../../hq-catalog-store'
import '../../hq.less'
import './index.less'

const REASON: Record<StockReason, string> = { restock: '入库', stocktake: '盘点', loss: '损耗', return: '退货入库', other: '其他', opening: '初始库存' }
type Reason = (typeof STOCK_REASONS)[number]

/**
 * A product's SKUs with their stock; one chosen is adjusted by a number of units with a reason
 * (入库 adds, 损耗 takes away, 盘点 either way), and its stock ledger shows every move, newest first.
 */
function HqStockPage() {
  const hqCatalog = useHqCatalog()
  const { params } = useRouter()
  const productId = decodeURIComponent(params.id ?? '')
  const [skuId, setSkuId] = useState('')
  const [reason, setReason] = useState<Reason>('restock')
  const [units, setUnits] = useState('')
  const [sign, setSign] = useState<1 | -1>(1)
  const [note, setNote] = useState('')
  const [failure, setFailure] = useState('')

  useEffect(() => {
    if (productId) void hqCatalog.loadProduct(productId)
  }, [productId])
  const choose = (id: string) => {
    setSkuId(id)
    setFailure('')
    void hqCatalog.loadLedger(id)
  }
  const submit = async () => {
    setFailure('')
    const count = Number(units)
    if (!/^\d+$/.test(units.trim()) || count === 0) return setFailure('请填写调整的件数')
    // 损耗 takes units away; 盘点 and 其他 follow the sign HQ chose.
    const delta = reason === 'loss' || sign < 0 ? -count : count
    const outcome = await hqCatalog.adjustStock(skuId, delta, reason, note)
    if (!outcome.ok) return setFailure(outcome.error.message)
    setUnits('')
    setNote('')
    showDone(`库存 ${outcome.data.sku.stock}`)
  }
  const signed = reason === 'stocktake' || reason === 'other'

  return (
    <View className='hq-page hq-stock'>
      <LoadStateView state={hqCatalog.product} onRetry={() => void hqCatalog.loadProduct(productId)}>
        {(product) => (
          <View className='hq-page__card'>
            <Text className='hq-page__card-title'>{product.title}</Text>
            {product.skus.map((sku) => (
              <View key={sku._id} className={`hq-page__row hq-stock__sku${sku._id === skuId ? ' hq-stock__sku--chosen' : ''}`} onClick={() => choose(sku._id)}>
                <Text>{specsText(sku.specs) || '默认'}</Text>
                <Text className='hq-stock__count'>{`库存 ${sku.stock}`}</Text>
              </View>
            ))}
          </View>
        )}
      </LoadStateView>
      {skuId && (
        <View className='hq-page__card hq-stock__form'>
          <Text className='hq-page__card-title'>调整库存</Text>
          <View className='hq-stock__reasons'>
            {STOCK_REASONS.map((r) => (
              <Text key={r} className={`hq-stock__reason hq-stock__reason--${r}${reason === r ? ' hq-stock__reason--chosen' : ''}`} onClick={() => setReason(r)}>
                {REASON[r]}
              </Text>
            ))}
          </View>
          <View className='hq-stock__units'>
            {signed && (
              <Text className='hq-stock__sign' onClick={() => setSign(sign > 0 ? -1 : 1)}>
                {sign > 0 ? '增加' : '减少'}
              </Text>
            )}
            {!signed && <Text className='hq-stock__sign'>{reason === 'loss' ? '减少' : '增加'}</Text>}
            <Input className='hq-page__input hq-stock__delta' type='number' value={units} placeholder='件数' onInput={(e) => setUnits(e.detail.value)} />
          </View>
          <Input className='hq-page__input hq-stock__note' value={note} maxlength={PRODUCT_LIMITS.stockNoteChars} placeholder='备注（可不填）' onInput={(e) => setNote(e.detail.value)} />
          {failure && <Text className='hq-page__error'>{failure}</Text>}
          <View className='hq-page__buttons'>
            <ActionButton className='hq-page__button hq-stock__submit' loading={hqCatalog.saving} onClick={() => void submit()}>
              确认调整
            </ActionButton>
          </View>
        </View>
      )}
      {skuId && (
        <LoadStateView state={hqCatalog.ledger} onRetry={() => void hqCatalog.loadLedger(skuId)} isEmpty={(entries) => entries.length === 0} emptyText='还没有库存记录'>
          {(entries) => (
            <View className='hq-page__card hq-stock__ledger'>
              <Text className='hq-page__card-title'>库存流水</Text>
              {entries.map((entry) => (
                <View key={entry._id} className='hq-page__row hq-stock__entry'>
                  <View className='hq-stock__entry-what'>
                    <Text>{`${REASON[entry.reason]} ${entry.delta > 0 ? '+' : ''}${entry.delta}`}</Text>
                    <Text className='hq-page__muted'>{`${formatShanghai(entry.at)}${entry.note ? ` · ${entry.note}` : ''}`}</Text>
                  </View>
                  <Text className='hq-page__muted'>{`结余 ${entry.stockAfter}`}</Text>
                </View>
              ))}
            </View>
          )}
        </LoadStateView>
      )}
    </View>
  )
}

export default observer(HqStockPage)
