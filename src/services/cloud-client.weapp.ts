import Taro from '@tarojs/taro'
import { CloudError, unwrapFunctionResult, type CloudClient, type CloudClientFactory } from './cloud'

// No persona here: a cloud function learns the caller from WeChat's own context, never from the client.
export const createCloudClient: CloudClientFactory = () => {
  let initialized = false

  return {
    async call(contract, action, payload) {
      if (!initialized) {
        const env = process.env.TARO_APP_CLOUD_ENV
        Taro.cloud.init(env ? { env } : {})
        initialized = true
      }
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
