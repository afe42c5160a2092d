import { Text, View } from '@tarojs/components'
import type { ProductDetail } from '../../core/catalog'
import { canChoose, type Selection } from './sku-selection'

interface SkuSelectorProps {
  product: ProductDetail
  selection: Selection
  onToggle: (dimension: string, value: string) => void
}

/**
 * One row per spec dimension, its values as chips; values that cannot be bought are off. Class names
 * stay under product__, where the page's tests have always found the spec rows.
 */
export function SkuSelector({ product, selection, onToggle }: SkuSelectorProps) {
  return (
    <View className='product__specs'>
      {product.specDimensions.map((dimension) => (
        <View className='product__spec' key={dimension.name}>
          <Text className='product__spec-name'>{dimension.name}</Text>
          <View className='product__spec-values'>
            {dimension.values.map((value) => {
              const chosen = selection[dimension.name] === value
              const possible = canChoose(product.skus, selection, dimension.name, value)
              const modifier = chosen ? ' product__chip--chosen' : possible ? '' : ' product__chip--off'
              return (
                <Text
                  key={value}
                  className={`product__chip${modifier}`}
                  onClick={() => (chosen || possible) && onToggle(dimension.name, value)}
                >
                  {value}
                </Text>
              )
            })}
          </View>
        </View>
      ))}
    </View>
  )
}
