import { Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { PagedListView } from '../../components/paged-list-view'
import { ProductGrid } from '../../components/product-card'
import { openProduct, queryText } from '../../routes'
import { useStores } from '../../stores'
import './index.less'

/** Typed text as the server takes it (it refuses longer keywords). */
const MAX_KEYWORD_LENGTH = 30

function SearchPage() {
  const { catalog } = useStores()
  const initial = queryText(useRouter().params.keyword)
  const [text, setText] = useState(initial)
  const [keyword, setKeyword] = useState(initial.trim())
  const results = keyword ? catalog.searchResults(keyword) : null
  const suggestions = catalog.categories.status === 'ready' ? catalog.categories.data.map((c) => c.name) : []

  useEffect(() => {
    if (catalog.categories.status === 'idle') void catalog.loadCategories()
  }, [catalog])
  useEffect(() => {
    void results?.ensureLoaded()
  }, [results])
  useReachBottom(() => void results?.loadMore())
  usePullDownRefresh(() => {
    void Promise.resolve(results?.refresh()).finally(() => void Taro.stopPullDownRefresh())
  })

  const search = (value: string) => {
    setText(value)
    setKeyword(value.trim())
  }

  return (
    <View className='search'>
      <View className='search__bar'>
        <View className='search__field'>
          <View className='search__icon' />
          <Input
            className='search__input'
            value={text}
            focus={!initial}
            confirmType='search'
            maxlength={MAX_KEYWORD_LENGTH}
            placeholder='搜索茶品、茶器'
            onInput={(event) => setText(event.detail.value)}
            onConfirm={(event) => search(event.detail.value)}
          />
          {text && <Text className='search__clear' onClick={() => search('')}>×</Text>}
        </View>
        <Text className='search__submit' onClick={() => search(text)}>搜索</Text>
      </View>

      {results ? (
        <PagedListView list={results} emptyText={`没有找到与“${keyword}”相关的商品`}>
          {(items) => (
            <View className='search__results'>
              <ProductGrid products={items} onOpen={openProduct} />
            </View>
          )}
        </PagedListView>
      ) : (
        suggestions.length > 0 && (
          <View className='search__suggestions'>
            <Text className='search__suggestions-title'>大家都在搜</Text>
            <View className='search__chips'>
              {suggestions.map((word) => (
                <Text key={word} className='search__chip' onClick={() => search(word)}>{word}</Text>
              ))}
            </View>
          </View>
        )
      )}
    </View>
  )
}

export default observer(SearchPage)
