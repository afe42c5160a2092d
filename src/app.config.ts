export default defineAppConfig({
  // Tab pages, the share landing pages (product, shop home) and search stay in the main package;
  // everything reached from them later goes to subpackages to keep the main package small.
  pages: [
    'pages/index/index',
    'pages/category/index',
    'pages/cart/index',
    'pages/me/index',
    'pages/product/index',
    'pages/shop/index',
    'pages/search/index',
    // Where a link to a page that does not exist lands (the app's onPageNotFound sends it here).
    'pages/not-found/index',
  ],
  subPackages: [
    {
      root: 'package-orders',
      pages: ['pages/checkout/index', 'pages/list/index', 'pages/detail/index'],
    },
    {
      root: 'package-address',
      pages: ['pages/list/index', 'pages/edit/index'],
    },
    {
      // 我的小店: an employee's verification, shop and figures.
      root: 'package-shop',
      pages: [
        'pages/verify/index',
        'pages/home/index',
        'pages/edit/index',
        'pages/picks/index',
        'pages/share/index',
        'pages/stats/index',
        'pages/customers/index',
        'pages/orders/index',
        'pages/leaderboard/index',
        'pages/commission/index',
        'pages/commission-ledger/index',
        'pages/withdraw/index',
        'pages/withdrawals/index',
      ],
    },
    {
      // 我的 beyond the tab page: 我的收藏.
      root: 'package-me',
      pages: ['pages/favorites/index'],
    },
    {
      // 会员: points, 领券中心 and 我的优惠券.
      root: 'package-member',
      pages: ['pages/points/index', 'pages/coupons/index', 'pages/my-coupons/index'],
    },
    {
      // 总部工作台: HQ staff's queues and decisions, kept out of the main package.
      root: 'package-hq',
      pages: ['pages/home/index', 'pages/orders/index', 'pages/order/index', 'pages/withdrawals/index', 'pages/shops/index', 'pages/rules/index', 'pages/roster/index', 'pages/dashboard/index', 'pages/exports/index', 'pages/products/index', 'pages/product/index', 'pages/stock/index', 'pages/categories/index', 'pages/member-rules/index', 'pages/coupons/index', 'pages/campaigns/index', 'pages/campaign/index'],
    },
  ],
  // Only the components a page renders are injected when it opens, not every one the app declares.
  lazyCodeLoading: 'requiredComponents',
  // Checkout is the next step from a product or the cart: its subpackage loads while the shopper looks.
  preloadRule: {
    'pages/product/index': { network: 'all', packages: ['package-orders'] },
    'pages/cart/index': { network: 'all', packages: ['package-orders'] },
  },
  // WeChat requires privacy-sensitive APIs to be declared: the address form offers WeChat's own picker.
  requiredPrivateInfos: ['chooseAddress'],
  window: {
    navigationBarBackgroundColor: '#2f6b4f',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '',
    // WeChat draws its bar on every page; on H5 this asks Taro for its bar, with a back button off the tabs.
    navigationStyle: 'default',
    backgroundColor: '#f6f1e7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#8c8a82',
    selectedColor: '#2f6b4f',
    backgroundColor: '#fffdf8',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab-icons/home.png',
        selectedIconPath: 'assets/tab-icons/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tab-icons/category.png',
        selectedIconPath: 'assets/tab-icons/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tab-icons/cart.png',
        selectedIconPath: 'assets/tab-icons/cart-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab-icons/me.png',
        selectedIconPath: 'assets/tab-icons/me-active.png',
      },
    ],
  },
})
