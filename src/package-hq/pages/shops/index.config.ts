export default definePageConfig({
  navigationBarTitleText: '小店审核与管理',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
})
