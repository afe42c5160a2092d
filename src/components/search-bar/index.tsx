import { Text, View } from '@tarojs/components'
import './index.less'

interface SearchBarProps {
  placeholder?: string
  onOpen: () => void
  /** 'light' on the brand's green header, 'plain' on the page background. */
  tone?: 'light' | 'plain'
}

/** A tappable search field that opens the search page, where the real input is. */
export function SearchBar({ placeholder = '搜索茶品、茶器', onOpen, tone = 'plain' }: SearchBarProps) {
  return (
    <View className={`search-bar search-bar--${tone}`} onClick={onOpen}>
      <View className='search-bar__icon' />
      <Text className='search-bar__placeholder'>{placeholder}</Text>
    </View>
  )
}
