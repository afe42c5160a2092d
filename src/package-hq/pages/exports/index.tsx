import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { LoadStateView } from '../../../components/load-state-view'
import { EXPORT_KINDS, type ExportKind } from '../../../core/exports'
import { addDays, formatShanghai } from '../../../core/time'
import { EXPORT_KIND_TEXT } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import '../../hq.less'
import './index.less'

const day = (at: Date) => formatShanghai(at, 'YYYY-MM-DD')

/** 导出: orders, commission entries or shops of a range of days, as a CSV that opens in Excel. */
function HqExportsPage() {
  const { hqFiles } = useStores()
  const [kind, setKind] = useState<ExportKind>('orders')
  const [from, setFrom] = useState(() => day(addDays(new Date(), -29)))
  const [to, setTo] = useState(() => day(new Date()))
  const keep = async (file: Parameters<typeof hqFiles.keep>[0]) => {
    const outcome = await hqFiles.keep(file)
    if (!outcome.ok) void Taro.showToast({ title: outcome.error.message, icon: 'none' })
  }
  return (
    <View className='hq-page hq-exports'>
      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>导出内容</Text>
        <View className='hq-page__tabs'>
          {EXPORT_KINDS.map((k) => (
            <Text key={k} className={`hq-page__tab hq-exports__kind hq-exports__kind--${k}${k === kind ? ' hq-page__tab--active' : ''}`} onClick={() => setKind(k)}>
              {EXPORT_KIND_TEXT[k]}
            </Text>
          ))}
        </View>
        <Text className='hq-page__label'>日期（北京时间，含首尾两天，最长一年）</Text>
        <View className='hq-exports__dates'>
          <Picker mode='date' value={from} end={to} onChange={(event) => setFrom(event.detail.value)}>
            <Text className='hq-exports__date hq-exports__from'>{from}</Text>
          </Picker>
          <Text className='hq-page__muted'>至</Text>
          <Picker mode='date' value={to} start={from} onChange={(event) => setTo(event.detail.value)}>
            <Text className='hq-exports__date hq-exports__to'>{to}</Text>
          </Picker>
        </View>
        <Text className='hq-page__muted'>金额以元为单位，时间为北京时间；文件为 UTF-8 编码，可直接用 Excel 打开。</Text>
        <View className='hq-page__buttons'>
          <ActionButton className='hq-page__button hq-exports__submit' loading={hqFiles.exported.status === 'loading'} onClick={() => void hqFiles.exportCsv(kind, from, to)}>
            导出
          </ActionButton>
        </View>
      </View>
      {hqFiles.exported.status !== 'idle' && (
        <LoadStateView state={hqFiles.exported} onRetry={() => void hqFiles.exportCsv(kind, from, to)}>
          {(file) => (
            <View className='hq-page__card hq-exports__file'>
              <Text className='hq-page__card-title'>{file.fileName}</Text>
              <Text className='hq-page__muted hq-exports__rows'>{`共 ${file.rows} 条，下载链接 24 小时内有效`}</Text>
              <View className='hq-page__buttons'>
                <ActionButton className='hq-page__button hq-exports__download' onClick={() => void keep(file)}>
                  下载文件
                </ActionButton>
              </View>
            </View>
          )}
        </LoadStateView>
      )}
    </View>
  )
}

export default observer(HqExportsPage)
