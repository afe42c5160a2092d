import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import type { CloudError } from '../../../services/cloud'
import { rosterIssueText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import { parseRosterText } from './roster-text'
import '../../hq.less'
import './index.less'

const FIELD: Record<string, string> = { employeeNo: '工号', name: '姓名', department: '部门', phoneTail: '手机后四位', inviteCode: '邀请码' }

/**
 * The server's refusal row by row: `rows.2.phoneTail` is line 3's 手机后四位. One bad row refuses the
 * whole paste, so a half-imported roster never has to be untangled; HQ fixes the lines and sends again.
 */
function rowReport(error: CloudError): string[] {
  const issues = error.details.issues
  if (error.code !== 'INVALID_INPUT' || !Array.isArray(issues)) return [error.message]
  return (issues as Array<{ path: string }>).map(({ path }) => {
    const [, index, field] = path.split('.')
    if (index === undefined) return '一次最多导入 500 行'
    return `第 ${Number(index) + 1} 行：${field ? `${FIELD[field] ?? field}不正确` : '需要手机后四位或邀请码'}`
  })
}

const ImportCard = observer(function ImportCard() {
  const { hq } = useStores()
  const [text, setText] = useState('')
  const [report, setReport] = useState<string[]>([])
  const [done, setDone] = useState('')
  const submit = async () => {
    setReport([])
    setDone('')
    const rows = parseRosterText(text)
    if (rows.length === 0) return setReport(['请先粘贴花名册'])
    const outcome = await hq.importRoster(rows)
    if (outcome.ok) {
      setDone(`已导入：新增 ${outcome.data.added} 人，更新 ${outcome.data.updated} 人`)
      setText('')
    } else setReport(rowReport(outcome.error))
  }
  return (
    <View className='hq-page__card hq-roster__import'>
      <Text className='hq-page__card-title'>导入花名册</Text>
      <Text className='hq-page__muted'>从表格复制粘贴，每行一人：工号、姓名、部门、手机后四位（或邀请码）。已有工号会更新，离职员工不会被恢复。</Text>
      <Textarea className='hq-roster__paste' value={text} maxlength={-1} placeholder={'E2001\t宋佳\t财务部\t1111'} onInput={(event) => setText(event.detail.value)} />
      {report.map((line) => (
        <Text key={line} className='hq-page__error hq-roster__problem'>
          {line}
        </Text>
      ))}
      {done && <Text className='hq-roster__report hq-roster__done'>{done}</Text>}
      <View className='hq-page__buttons'>
        <ActionButton className='hq-page__button hq-roster__import-button' loading={hq.saving} disabled={!text.trim()} onClick={() => void submit()}>
          导入
        </ActionButton>
      </View>
    </View>
  )
})

/**
 * The roster from a CSV file (HR's sheet saved from Excel): all of it or, when a row has a problem, none
 * of it — the report then lists every problem by the spreadsheet's row number, to fix and import again.
 */
const CsvImportCard = observer(function CsvImportCard() {
  const { hqFiles } = useStores()
  const result = hqFiles.lastImport
  return (
    <View className='hq-page__card hq-roster__csv'>
      <Text className='hq-page__card-title'>从 CSV 文件导入</Text>
      <Text className='hq-page__muted'>表头：工号、姓名、部门/门店、手机尾号、邀请码（手机尾号和邀请码至少填一个）。Excel 另存为 CSV 即可，最多 10000 行；有一行出错则整个文件不导入。</Text>
      {result?.ok && (
        <Text className='hq-roster__report hq-roster__csv-done'>
          {`已导入 ${result.report.rows} 行：新增 ${result.report.added} 人，更新 ${result.report.updated} 人，未变 ${result.report.unchanged} 人`}
          {result.report.inactive.length > 0 ? `；第 ${result.report.inactive.join('、')} 行是已离职员工，资料已更新，仍为离职` : ''}
        </Text>
      )}
      {result && !result.ok && (
        <View className='hq-roster__csv-report'>
          <Text className='hq-page__error hq-roster__csv-refused'>{result.message}</Text>
          {result.rowsInvalid?.issues.map((issue) => (
            <Text key={`${issue.row}-${issue.field}-${issue.problem}`} className='hq-page__error hq-roster__report hq-roster__csv-problem'>
              {rosterIssueText(issue)}
            </Text>
          ))}
          {result.rowsInvalid && result.rowsInvalid.issueCount > result.rowsInvalid.issues.length && (
            <Text className='hq-page__muted'>{`另有 ${result.rowsInvalid.issueCount - result.rowsInvalid.issues.length} 处问题未列出`}</Text>
          )}
        </View>
      )}
      <View className='hq-page__buttons'>
        <ActionButton className='hq-page__button hq-roster__csv-button' loading={hqFiles.importing} onClick={() => void hqFiles.importRosterFile()}>
          选择 CSV 文件并导入
        </ActionButton>
      </View>
    </View>
  )
})

const DeactivateCard = observer(function DeactivateCard() {
  const { hq } = useStores()
  const [employeeNo, setEmployeeNo] = useState('')
  const [shopId, setShopId] = useState<string | null>(null)
  const [failure, setFailure] = useState('')
  useDidShow(() => void hq.loadActiveShops())
  const shops = hq.activeShops.status === 'ready' ? hq.activeShops.data : []
  const submit = async () => {
    setFailure('')
    const outcome = await hq.deactivateEmployee(employeeNo.trim(), shopId ? { to: 'shop', shopId } : { to: 'hq' })
    if (outcome.ok) {
      void Taro.showToast({ title: `已停用，转移 ${outcome.data.customersMoved} 位顾客`, icon: 'none' })
      setEmployeeNo('')
      void hq.loadActiveShops()
    } else setFailure(outcome.error.message)
  }
  const choice = (label: string, chosen: boolean, onClick: () => void, key: string) => (
    <Text key={key} className={`hq-roster__choice${chosen ? ' hq-roster__choice--chosen' : ''}`} onClick={onClick}>
      {label}
    </Text>
  )
  return (
    <View className='hq-page__card hq-roster__deactivate'>
      <Text className='hq-page__card-title'>员工离职</Text>
      <Text className='hq-page__label'>工号</Text>
      <Input className='hq-page__input hq-roster__employee-no' value={employeeNo} maxlength={32} onInput={(event) => setEmployeeNo(event.detail.value)} />
      <Text className='hq-page__label'>TA 的小店关闭，绑定的顾客交给</Text>
      {choice('总部（顾客可再被其他小店绑定）', shopId === null, () => setShopId(null), 'hq')}
      {shops.map((shop) => choice(`同事的小店：${shop.name}（工号 ${shop.employeeNo}）`, shopId === shop._id, () => setShopId(shop._id), shop._id))}
      {failure && <Text className='hq-page__error'>{failure}</Text>}
      <View className='hq-page__buttons'>
        <ActionButton className='hq-page__button hq-page__button--danger hq-roster__deactivate-button' loading={hq.saving} disabled={!employeeNo.trim()} onClick={() => void submit()}>
          确认离职
        </ActionButton>
      </View>
    </View>
  )
})

/** HQ's roster: import a CSV file or pasted rows (all or nothing, with a row-by-row report) and offboard an employee. */
function HqRosterPage() {
  return (
    <View className='hq-page hq-roster'>
      <CsvImportCard />
      <ImportCard />
      <DeactivateCard />
    </View>
  )
}

export default observer(HqRosterPage)
