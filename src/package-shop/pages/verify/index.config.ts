export default definePageConfig({
  navigationBarTitleText: '员工认证',
})
