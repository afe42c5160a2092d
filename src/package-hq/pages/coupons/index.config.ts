export default definePageConfig({ navigationBarTitleText: '优惠券', onReachBottomDistance: 200 })
