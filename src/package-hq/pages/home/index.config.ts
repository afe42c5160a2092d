export default definePageConfig({
  navigationBarTitleText: '总部工作台',
  enablePullDownRefresh: true,
})
