export default definePageConfig({ navigationBarTitleText: '限时折扣', enablePullDownRefresh: true })
