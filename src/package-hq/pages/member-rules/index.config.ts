export default definePageConfig({
  navigationBarTitleText: '积分与会员',
})
