export default definePageConfig({
  navigationBarTitleText: 'Everyshop',
})
