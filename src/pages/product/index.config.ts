export default definePageConfig({
  navigationBarTitleText: '商品详情',
  // A share landing page: shared to chats, and to Moments (which needs both handlers).
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
