/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const url: string
  export default url
}
declare module '*.jpg' {
  const url: string
  export default url
}
declare module '*.less'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    /** The platform being built; Taro replaces it at build time, so a branch on it is removed from other platforms. */
    TARO_ENV: 'weapp' | 'h5'
    /** WeChat cloud environment id for Taro.cloud.init; empty selects the default environment. */
    TARO_APP_CLOUD_ENV: string
  }
}
