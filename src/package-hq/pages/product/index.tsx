import { Image, Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { showDone } from '../../../components/display'
import { PRODUCT_LIMITS } from '../../../core/product-editing'
import { openHqStock } from '../../../routes'
import { imageSrc } from '../../../services/image-src'
import { EMPTY_FORM, ProductForm, draftOf, formOf, skuRows } from './product-form'
import { useHqCatalog } from '../../hq-catalog-store'
import '../../hq.less'
import './index.less'

/**
 * 新建 / 编辑商品: title, category, images uploaded from the phone, up to three spec dimensions, and a
 * price for every combination they make (a new one also its opening stock). The rules are the
 * server's: a refusal shows its words under the form.
 */
function HqProductPage() {
  const hqCatalog = useHqCatalog()
  const { params } = useRouter()
  const productId = params.id ? decodeURIComponent(params.id) : null
  const [form, setForm] = useState<ProductForm>(EMPTY_FORM)
  const [failure, setFailure] = useState('')
  const product = productId && hqCatalog.product.status === 'ready' && hqCatalog.product.data._id === productId ? hqCatalog.product.data : null
  const categories = hqCatalog.categories.status === 'ready' ? hqCatalog.categories.data : []

  useEffect(() => {
    void hqCatalog.loadCategories()
    if (productId) void hqCatalog.loadProduct(productId)
  }, [productId])
  // The form starts from the product once it has loaded.
  useEffect(() => {
    if (product) setForm(formOf(product))
  }, [product?._id])

  const set = (change: Partial<ProductForm>) => setForm((f) => ({ ...f, ...change }))
  const setDimension = (index: number, change: Partial<ProductForm['dimensions'][number]>) =>
    set({ dimensions: form.dimensions.map((d, i) => (i === index ? { ...d, ...change } : d)) })
  const rows = skuRows(form, product?.skus)

  const addImage = async () => {
    setFailure('')
    const picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] }).catch(() => null)
    const path = picked?.tempFilePaths[0]
    if (!path) return
    const uploaded = await hqCatalog.uploadImage(path)
    if (uploaded.ok) set({ images: [...form.images, uploaded.data] })
    else setFailure(uploaded.error.message)
  }

  const save = async () => {
    setFailure('')
    const outcome = await hqCatalog.save(productId, draftOf(form, product?.skus))
    if (!outcome.ok) return setFailure(outcome.error.message)
    showDone('已保存')
    if (!productId) void Taro.redirectTo({ url: `/package-hq/pages/product/index?id=${encodeURIComponent(outcome.data._id)}` })
  }

  return (
    <View className='hq-page hq-product'>
      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>基本信息</Text>
        <Text className='hq-page__label'>商品名称</Text>
        <Input className='hq-page__input hq-product__title' value={form.title} maxlength={PRODUCT_LIMITS.titleChars} placeholder='如：滇红 金芽' onInput={(e) => set({ title: e.detail.value })} />
        <Text className='hq-page__label'>一句话卖点</Text>
        <Input className='hq-page__input hq-product__subtitle' value={form.subtitle} maxlength={PRODUCT_LIMITS.subtitleChars} onInput={(e) => set({ subtitle: e.detail.value })} />
        <Text className='hq-page__label'>分类</Text>
        <View className='hq-product__categories'>
          {categories.map((c) => (
            <Text key={c._id} className={`hq-product__category${c._id === form.categoryId ? ' hq-product__category--chosen' : ''}`} onClick={() => set({ categoryId: c._id })}>
              {c.name}
            </Text>
          ))}
        </View>
        <Text className='hq-page__label'>商品详情</Text>
        <Textarea className='hq-product__detail' value={form.detail} maxlength={PRODUCT_LIMITS.detailChars} placeholder='产地、工艺、口感……' onInput={(e) => set({ detail: e.detail.value })} />
      </View>

      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>{`商品图片（${form.images.length}/${PRODUCT_LIMITS.images}，第一张为封面）`}</Text>
        <View className='hq-product__images'>
          {form.images.map((image, i) => (
            <View key={image} className='hq-product__image-box'>
              <Image className='hq-product__image' src={imageSrc(image)} mode='aspectFill' />
              <Text className='hq-product__image-remove' onClick={() => set({ images: form.images.filter((_, j) => j !== i) })}>
                ×
              </Text>
            </View>
          ))}
          {form.images.length < PRODUCT_LIMITS.images && (
            <View className='hq-product__image-add' onClick={() => void addImage()}>
              <Text>{hqCatalog.saving ? '上传中…' : '+ 上传'}</Text>
            </View>
          )}
        </View>
      </View>

      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>规格</Text>
        <Text className='hq-page__muted'>{`最多 ${PRODUCT_LIMITS.dimensions} 项，每项的值用空格或逗号隔开；每个组合一个 SKU。`}</Text>
        {form.dimensions.map((d, i) => (
          <View key={i} className={`hq-product__dimension hq-product__dimension--${i}`}>
            <Input className='hq-page__input hq-product__dimension-name' value={d.name} maxlength={PRODUCT_LIMITS.dimensionNameChars} placeholder='规格名，如 包装' onInput={(e) => setDimension(i, { name: e.detail.value })} />
            <Input className='hq-page__input hq-product__dimension-values' value={d.values} placeholder='如 礼盒 简装' onInput={(e) => setDimension(i, { values: e.detail.value })} />
            <Text className='hq-product__dimension-remove' onClick={() => set({ dimensions: form.dimensions.filter((_, j) => j !== i) })}>
              删除
            </Text>
          </View>
        ))}
        {form.dimensions.length < PRODUCT_LIMITS.dimensions && (
          <Text className='hq-product__add-dimension' onClick={() => set({ dimensions: [...form.dimensions, { name: '', values: '' }] })}>
            + 添加规格
          </Text>
        )}
      </View>

      <View className='hq-page__card'>
        <Text className='hq-page__card-title'>{`价格与库存（${rows.length} 个 SKU）`}</Text>
        {rows.map((row) => (
          <View key={row.key} className='hq-product__sku'>
            <Text className='hq-product__sku-label'>{row.label}</Text>
            <Input
              className='hq-page__input hq-product__sku-price'
              type='digit'
              value={row.price}
              placeholder='价格（元）'
              onInput={(e) => set({ prices: { ...form.prices, [row.key]: e.detail.value } })}
            />
            {row.existing ? (
              <Text className='hq-page__muted hq-product__sku-stock'>{`库存 ${row.existing.stock}`}</Text>
            ) : (
              <Input
                className='hq-page__input hq-product__sku-opening'
                type='number'
                value={row.stock}
                placeholder='初始库存'
                onInput={(e) => set({ stocks: { ...form.stocks, [row.key]: e.detail.value } })}
              />
            )}
          </View>
        ))}
        {product && (
          <Text className='hq-product__stock-link' onClick={() => openHqStock(product._id)}>
            调整库存 ›
          </Text>
        )}
      </View>

      {failure && <Text className='hq-page__error hq-product__error'>{failure}</Text>}
      <View className='hq-page__buttons hq-product__actions'>
        <ActionButton className='hq-page__button hq-product__save' loading={hqCatalog.saving} onClick={() => void save()}>
          {productId ? '保存' : '创建商品'}
        </ActionButton>
      </View>
    </View>
  )
}

export default observer(HqProductPage)
