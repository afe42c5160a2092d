export default definePageConfig({
  navigationBarTitleText: '分享与海报',
  // 分享给好友 here sends the landing page's link (the product or the shop home), not this page.
  enableShareAppMessage: true,
})
