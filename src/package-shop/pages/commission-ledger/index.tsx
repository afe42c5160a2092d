import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { PagedListView } from '../../../components/paged-list-view'
import type { CommissionEntryKind } from '../../../core/commission'
import { formatFen } from '../../../core/money'
import { formatShanghai } from '../../../core/time'
import { entryKindText, withdrawalReversalText } from '../../../i18n/zh-CN'
import { useStores } from '../../../stores'
import type { LedgerRow } from '../../../stores/commission-store'
import { WhyThisOrder } from '../../../components/attribution-chain'
import { useListPage } from '../../use-list-page'
import '../../shop.less'
import './index.less'

/**
 * How an entry moves the shop's money: earned (+), taken away (−), or moved from one balance to the
 * next (no sign: freezing and releasing change where the money is, not how much there is).
 */
const MOVE: Record<CommissionEntryKind, { sign: '+' | '-' | ''; note: string }> = {
  accrue: { sign: '+', note: '计入待结算' },
  freeze: { sign: '', note: '待结算 → 冻结中' },
  release: { sign: '', note: '冻结中 → 可提现' },
  void: { sign: '-', note: '未结算的佣金不再计入' },
  clawback: { sign: '-', note: '从可提现余额追回' },
  withdraw: { sign: '-', note: '从可提现余额转出' },
  withdrawal_reversed: { sign: '+', note: '退回可提现余额' },
}

const percent = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 2)}%`

function EntryCard({ entry }: { entry: LedgerRow }) {
  const move = MOVE[entry.kind]
  return (
    <View className={`shop-page__card ledger-entry ledger-entry--${entry.kind}`}>
      <View className='ledger-entry__head'>
        <Text className='ledger-entry__kind'>{entryKindText(entry.kind)}</Text>
        <Text className={`ledger-entry__amount ledger-entry__amount--${move.sign === '+' ? 'plus' : move.sign === '-' ? 'minus' : 'move'}`}>
          {move.sign}{formatFen(entry.amountFen)}
        </Text>
      </View>
      <View className='ledger-entry__meta'>
        <Text className='shop-page__muted'>{formatShanghai(entry.at, 'YYYY-MM-DD HH:mm')}</Text>
        <Text className='shop-page__muted'>{move.note}</Text>
      </View>
      {entry.rateBps !== undefined && entry.baseFen !== undefined && (
        <Text className='ledger-entry__line'>实付商品金额 {formatFen(entry.baseFen)} × {percent(entry.rateBps)}（佣金规则第 {entry.ruleVersion} 版）</Text>
      )}
      {entry.releasableAt && <Text className='ledger-entry__line'>售后期至 {formatShanghai(entry.releasableAt, 'YYYY-MM-DD HH:mm')}，之后转为可提现</Text>}
      {entry.reason && <Text className='ledger-entry__line ledger-entry__reason'>{withdrawalReversalText(entry.reason)}</Text>}
      {entry.withdrawalId && <Text className='ledger-entry__line shop-page__muted'>提现单号 {entry.withdrawalId}</Text>}
      {entry.order && (
        <View className='ledger-entry__order'>
          <Text className='ledger-entry__line ledger-entry__order-no'>订单号 {entry.order.orderNo}</Text>
          <Text className='ledger-entry__line ledger-entry__title'>{entry.order.lineTitle}</Text>
          <Text className='ledger-entry__line shop-page__muted'>买家 {entry.order.buyer}</Text>
          <WhyThisOrder chain={entry.order.chain} orderedAt={entry.order.chain.attribution.decidedAt} />
        </View>
      )}
    </View>
  )
}

/** 佣金明细: every entry of the shop's ledger, newest first, with the order (and why it is the shop's) or the withdrawal. */
function CommissionLedgerPage() {
  const { commission } = useStores()
  useListPage(commission.entries)

  return (
    <View className='shop-page ledger'>
      <PagedListView list={commission.entries} emptyText='还没有佣金明细，分享商品给朋友吧'>
        {(items) => items.map((entry) => <EntryCard key={entry._id} entry={entry} />)}
      </PagedListView>
    </View>
  )
}

export default observer(CommissionLedgerPage)
