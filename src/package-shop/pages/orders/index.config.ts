export default definePageConfig({
  navigationBarTitleText: '小店订单',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
