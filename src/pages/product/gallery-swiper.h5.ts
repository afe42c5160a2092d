import { defineCustomElement as defineSwiper } from '@tarojs/components/dist/components/taro-swiper-core.js'
import { defineCustomElement as defineSwiperItem } from '@tarojs/components/dist/components/taro-swiper-item-core.js'
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'

// The same React wrappers @tarojs/components gives on H5, made here so that only the product page
// refers to them: importing them from @tarojs/components (a module every page shares) put the
// swiper library (≈150 KB) into the first script every visitor loads.
export const Swiper = createReactComponent('taro-swiper-core', undefined, manipulatePropsFunction, defineSwiper)
export const SwiperItem = createReactComponent('taro-swiper-item-core', undefined, manipulatePropsFunction, defineSwiperItem)
