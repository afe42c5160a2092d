import { Input, Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { PagedListView } from '../../components/paged-list-view'
import { ProductGrid } from '../../components/product-card'
import { MAX_KEYWORD_LENGTH } from '../../core/search-hints'
import { openProduct, queryText } from '../../routes'
import { useStores } from '../../stores'
import './index.less'

/** How many of HQ's first products an empty result recommends. */
const RECOMMENDED = 4

function Chips({ title, words, onPick, action }: { title: string; words: string[]; onPick: (word: string) => void; action?: { text: string; onClick: () => void } }) {
  if (words.length === 0) return null
  return (
    <View className='search__suggestions'>
      <View className='search__suggestions-head'>
        <Text className='search__suggestions-title'>{title}</Text>
        {action && <Text className='search__suggestions-action' onClick={action.onClick}>{action.text}</Text>}
      </View>
      <View className='search__chips'>
        {words.map((word) => (
          <Text key={word} className='search__chip' onClick={() => onPick(word)}>{word}</Text>
        ))}
      </View>
    </View>
  )
}

function SearchPage() {
  const { catalog, search: hints } = useStores()
  const initial = queryText(useRouter().params.keyword)
  const [text, setText] = useState(initial)
  const [keyword, setKeyword] = useState(initial.trim())
  const results = keyword ? catalog.searchResults(keyword) : null
  const nothingFound = results?.state.status === 'ready' && results.state.data.length === 0
  // HQ's hot words; until HQ chooses some, the categories are what there is to search for.
  const hotWords =
    hints.hotWords.status === 'ready' && hints.hotWords.data.length > 0
      ? hints.hotWords.data
      : catalog.categories.status === 'ready' ? catalog.categories.data.map((c) => c.name) : []

  useEffect(() => {
    if (hints.hotWords.status === 'idle') void hints.loadHotWords()
    if (catalog.categories.status === 'idle') void catalog.loadCategories()
  }, [catalog, hints])
  useEffect(() => {
    void results?.ensureLoaded()
  }, [results])
  useEffect(() => {
    if (nothingFound) void catalog.home.ensureLoaded()
  }, [nothingFound, catalog])
  useReachBottom(() => void results?.loadMore())
  usePullDownRefresh(() => {
    void Promise.resolve(results?.refresh()).finally(() => void Taro.stopPullDownRefresh())
  })

  const search = (value: string) => {
    setText(value)
    setKeyword(value.trim())
    hints.remember(value)
  }

  const clearRecent = async () => {
    const { confirm } = await Taro.showModal({ title: '清空最近搜索？', confirmText: '清空' })
    if (confirm) hints.clearRecent()
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
            placeholder='搜索茶品、茶器，如 longjing、红茶 礼盒'
            onInput={(event) => setText(event.detail.value)}
            onConfirm={(event) => search(event.detail.value)}
          />
          {text && <Text className='search__clear' onClick={() => { setText(''); setKeyword('') }}>×</Text>}
        </View>
        <Text className='search__submit' onClick={() => search(text)}>搜索</Text>
      </View>

      {!results && (
        <>
          <Chips title='最近搜索' words={hints.recent} onPick={search} action={{ text: '清空', onClick: () => void clearRecent() }} />
          <Chips title='热门搜索' words={hotWords} onPick={search} />
        </>
      )}
      {results && !nothingFound && (
        <PagedListView list={results} emptyText={`没有找到与“${keyword}”相关的商品`}>
          {(items) => (
            <View className='search__results'>
              <ProductGrid products={items} onOpen={openProduct} />
            </View>
          )}
        </PagedListView>
      )}
      {nothingFound && (
        <View className='search__nothing'>
          <Text className='search__nothing-text'>没有找到与“{keyword}”相关的商品</Text>
          <Chips title='换个词试试' words={hotWords.filter((w) => w !== keyword)} onPick={search} />
          {catalog.home.items.length > 0 && (
            <View className='search__recommended'>
              <Text className='search__suggestions-title search__recommended-title'>为你推荐</Text>
              <ProductGrid products={catalog.home.items.slice(0, RECOMMENDED)} onOpen={openProduct} />
            </View>
          )}
        </View>
      )}
    </View>
  )
}

export default observer(SearchPage)
