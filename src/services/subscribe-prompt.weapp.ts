import Taro from '@tarojs/taro'
import type { SubscribePrompt } from './subscriptions'

// WeChat's own prompt. It opens only from a tap, so `ask` must reach here before anything is awaited.
export const createSubscribePrompt = (): SubscribePrompt => ({
  async ask(tmplIds) {
    try {
      // Taro's option type is shared with Alipay, whose entityIds WeChat ignores; its answer holds one key per template id.
      const answer = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>
      return Object.fromEntries(tmplIds.map((id) => [id, answer[id] ?? '']))
    } catch {
      // Closed, turned off in settings, or an old WeChat: nothing was accepted.
      return {}
    }
  },
})
