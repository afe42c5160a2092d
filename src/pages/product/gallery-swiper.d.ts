// Taro resolves `./gallery-swiper` to gallery-swiper.weapp.ts or gallery-swiper.h5.ts at build time;
// this declaration is what TypeScript sees: the components of @tarojs/components.
import type { Swiper as TaroSwiper, SwiperItem as TaroSwiperItem } from '@tarojs/components'

export declare const Swiper: typeof TaroSwiper
export declare const SwiperItem: typeof TaroSwiperItem
