export default definePageConfig({ navigationBarTitleText: '限时折扣活动' })
