// Taro resolves `./navigation-bar` to navigation-bar.h5.ts or navigation-bar.weapp.ts at build time.

/** Makes the navigation bar's back and home buttons work where the platform does not; answers how to stop. */
export declare function wireNavigationBar(): () => void
