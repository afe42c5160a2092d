import { Swiper, SwiperItem } from '@tarojs/components'

export { Swiper, SwiperItem }
