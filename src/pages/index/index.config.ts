export default definePageConfig({
  navigationBarTitleText: 'Everyshop',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
