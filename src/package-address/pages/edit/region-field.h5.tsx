import { ScrollView, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { DIVISIONS, type Division } from './divisions'
import type { Region, RegionFieldProps } from './region-field'
import './region-field.h5.less'

const LEVELS = ['省份', '城市', '区县'] as const

/**
 * The browser has no region picker: a sheet lists the official divisions level by level (省 → 市 → 区),
 * as shops' address forms do; each tap moves on to the next level, and the last one closes it.
 */
export function RegionField({ value, onChange }: RegionFieldProps) {
  const [open, setOpen] = useState(false)
  const chosen = Boolean(value.province)
  return (
    <>
      <View className='address-form__region' onClick={() => setOpen(true)}>
        <Text className={chosen ? '' : 'address-form__placeholder'}>
          {chosen ? [value.province, value.city, value.district].filter(Boolean).join(' ') : '选择省 / 市 / 区'}
        </Text>
      </View>
      {open && (
        <RegionSheet
          onPick={(region) => {
            setOpen(false)
            onChange(region)
          }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  )
}

function RegionSheet({ onPick, onClose }: { onPick: (region: Region) => void; onClose: () => void }) {
  // The divisions chosen so far, from the province down.
  const [path, setPath] = useState<Division[]>([])
  const options = path.length === 0 ? DIVISIONS : path[path.length - 1].children

  const choose = (division: Division) => {
    const next = [...path, division]
    if (division.children.length > 0 && next.length < LEVELS.length) {
      setPath(next)
      return
    }
    const [province, city, district] = next.map((d) => d.name)
    onPick({ province, city: city ?? '', district: district ?? '' })
  }

  return (
    <View className='region-sheet'>
      <View className='region-sheet__mask' onClick={onClose} />
      <View className='region-sheet__panel'>
        <Text className='region-sheet__title'>选择所在地区</Text>
        <View className='region-sheet__tabs'>
          {path.map((division, level) => (
            <Text key={level} className='region-sheet__tab' onClick={() => setPath(path.slice(0, level))}>
              {division.name}
            </Text>
          ))}
          <Text className='region-sheet__tab region-sheet__tab--current'>请选择{LEVELS[path.length]}</Text>
        </View>
        <ScrollView className='region-sheet__options' scrollY>
          {options.map((division) => (
            <Text key={division.name} className='region-sheet__option' onClick={() => choose(division)}>
              {division.name}
            </Text>
          ))}
        </ScrollView>
      </View>
    </View>
  )
}
