import { createHash } from 'node:crypto'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import { H5_DEV_SERVER_PORT, LOCAL_CLOUD_ROUTES } from './h5-dev-server'
import prodConfig from './prod'

// Each platform gets its own output folder so a weapp build never wipes the H5 build
// that the local cloud serves (and WeChat DevTools keeps pointing at dist/).
const outputRoot = process.env.TARO_ENV === 'h5' ? 'dist-h5' : 'dist'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'everyshop',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot,
    env: {
      // The WeChat cloud environment id is chosen at build time; empty means WeChat's default environment.
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: true,
      // One cache per checkout: worktrees that share one node_modules shared one cache under
      // node_modules/.cache, and a weapp build restored from another checkout's cache lost a module
      // (zod's, required by package-orders and package-address): the mini program could not open checkout.
      name: `${process.env.NODE_ENV}-${process.env.TARO_ENV}-${createHash('sha256').update(__dirname).digest('hex').slice(0, 12)}`,
    },
    mini: {
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
        },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      devServer: {
        // Taro's dev server would otherwise listen on 0.0.0.0 and expose the dev sign-in to the network.
        host: '127.0.0.1',
        port: H5_DEV_SERVER_PORT,
        // The app calls the local cloud on its own origin; the cloud sees the Host it expects and this
        // server's Origin, which it trusts.
        proxy: [{ context: LOCAL_CLOUD_ROUTES, target: `http://127.0.0.1:${process.env.PORT ?? 39100}`, changeOrigin: true }],
      },
      webpackChain(chain) {
        // Taro splits only initial chunks on H5, so every lazily loaded page chunk carried its own
        // ~210 KB copy of the H5 components; splitting all chunks shares one copy between pages.
        chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all' })
        // The swiper library declares no sideEffects, so webpack kept all of it (150 KB) in the first
        // chunk for every page, though only the product page's gallery uses it: its scripts are
        // side-effect free (its CSS is not), so it now goes with the page that imports it.
        chain.module.rule('swiper-side-effect-free').test(/[\\/]node_modules[\\/]swiper[\\/].*\.m?js$/).set('sideEffects', false)
        // The H5 build is the local development and e2e target; size budgets are kept on the weapp build.
        chain.performance.hints(false)
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
        },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
