import { Text, View } from '@tarojs/components'

/**
 * The dashboard's charts, drawn with plain views sized in percent: no chart library and no canvas, so
 * they cost a few hundred bytes of the HQ subpackage, look the same on weapp and H5, scroll with the
 * page, and their figures are text a screen reader (and a test) can read.
 */

interface Column {
  label: string
  value: number
  /** What the column says when tapped or read: the day and its figure. */
  caption: string
}

/** Columns over time, e.g. each day's GMV; the tallest is full height. */
export function ColumnChart({ columns }: { columns: Column[] }) {
  const max = Math.max(1, ...columns.map((c) => c.value))
  // Every label would crowd a month: the last column and every 7th before it are named.
  const named = (i: number) => columns.length <= 7 || (columns.length - 1 - i) % 7 === 0
  return (
    <View className='chart-columns'>
      <View className='chart-columns__bars'>
        {columns.map((c) => (
          <View key={c.label} className='chart-columns__slot' ariaLabel={c.caption}>
            <View className='chart-columns__bar' style={{ height: `${(c.value / max) * 100}%` }} />
          </View>
        ))}
      </View>
      <View className='chart-columns__axis'>
        {columns.map((c, i) => (
          <Text key={c.label} className='chart-columns__label'>
            {named(i) ? c.label : ''}
          </Text>
        ))}
      </View>
    </View>
  )
}

interface Step {
  label: string
  value: number
  /** The step's share of the step before it, in words; absent for the first step. */
  rate?: string
}

/** A funnel: each step a bar as long as its share of the widest step, with its conversion. */
export function FunnelBars({ steps }: { steps: Step[] }) {
  const max = Math.max(1, ...steps.map((s) => s.value))
  return (
    <View className='chart-funnel'>
      {steps.map((s) => (
        <View key={s.label} className='chart-funnel__step'>
          <Text className='chart-funnel__label'>{s.label}</Text>
          <View className='chart-funnel__track'>
            <View className='chart-funnel__bar' style={{ width: `${Math.max(2, (s.value / max) * 100)}%` }} />
          </View>
          <Text className='chart-funnel__value'>{s.value}</Text>
          <Text className='chart-funnel__rate'>{s.rate ?? ''}</Text>
        </View>
      ))}
    </View>
  )
}
