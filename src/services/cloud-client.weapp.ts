import Taro from '@tarojs/taro'
import { CloudError, unwrapFunctionResult, type CloudClient, type CloudClientFactory } from './cloud'

let initialized = false

/** Taro.cloud is set up once, by whichever comes first: a function call or a file upload. */
export function initCloud(): void {
  if (initialized) return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env } : {})
  initialized = true
}

// No persona here: a cloud function learns the caller from WeChat's own context, never from the client.
export const createCloudClient: CloudClientFactory = () => {
  return {
    async call(contract, action, payload) {
      initCloud()
      let response: Taro.cloud.CallFunctionResult
      try {
        response = await Taro.cloud.callFunction({ name: contract.name, data: { action, payload } })
      } catch (error) {
        throw new CloudError('NETWORK_ERROR', {}, { cause: error })
      }
      return unwrapFunctionResult(response.result)
    },
  } satisfies CloudClient
}
