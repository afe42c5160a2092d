import { Text, View } from '@tarojs/components'

export interface Pickable {
  id: string
  label: string
  note?: string
}

interface OrderedPickerProps {
  items: Pickable[]
  /** The chosen ids, in the order the shop home shows them. */
  chosen: string[]
  onChange: (chosen: string[]) => void
}

const move = (ids: string[], from: number, to: number): string[] => {
  const next = [...ids]
  const [id] = next.splice(from, 1)
  next.splice(to, 0, id)
  return next
}

/** Chosen items first, in order, each movable up and down or removable; below them the rest, to add. */
export function OrderedPicker({ items, chosen, onChange }: OrderedPickerProps) {
  const byId = new Map(items.map((item) => [item.id, item]))
  const rest = items.filter((item) => !chosen.includes(item.id))
  return (
    <View className='picker'>
      <Text className='picker__title'>已选 {chosen.length}</Text>
      {chosen.length === 0 && <Text className='picker__empty'>从下面添加，顺序就是小店里展示的顺序</Text>}
      {chosen.map((id, index) => (
        <View key={id} className='picker__row picker__row--chosen'>
          <Text className='picker__index'>{index + 1}</Text>
          <View className='picker__text'>
            <Text className='picker__label'>{byId.get(id)?.label ?? id}</Text>
            {byId.get(id)?.note && <Text className='picker__note'>{byId.get(id)?.note}</Text>}
          </View>
          <Text className={`picker__action${index === 0 ? ' picker__action--off' : ''}`} onClick={() => index > 0 && onChange(move(chosen, index, index - 1))}>↑</Text>
          <Text
            className={`picker__action${index === chosen.length - 1 ? ' picker__action--off' : ''}`}
            onClick={() => index < chosen.length - 1 && onChange(move(chosen, index, index + 1))}
          >
            ↓
          </Text>
          <Text className='picker__action picker__remove' onClick={() => onChange(chosen.filter((c) => c !== id))}>移除</Text>
        </View>
      ))}
      {rest.length > 0 && <Text className='picker__title picker__title--rest'>可添加</Text>}
      {rest.map((item) => (
        <View key={item.id} className='picker__row picker__add' onClick={() => onChange([...chosen, item.id])}>
          <View className='picker__text'>
            <Text className='picker__label'>{item.label}</Text>
            {item.note && <Text className='picker__note'>{item.note}</Text>}
          </View>
          <Text className='picker__action picker__action--add'>＋ 添加</Text>
        </View>
      ))}
    </View>
  )
}
