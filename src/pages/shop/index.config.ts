export default definePageConfig({
  navigationBarTitleText: '小店',
  enablePullDownRefresh: true,
  onReachBottomDistance: 200,
  // A share landing page: shared to chats, and to Moments (which needs both handlers).
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
