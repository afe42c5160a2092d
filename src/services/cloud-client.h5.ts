import { CloudError, unwrapFunctionResult, type CloudClient, type CloudClientFactory } from './cloud'

// The H5 build is served by the local cloud, so functions are reached on the page's own origin.
// The local cloud maps the persona header to the caller's OPENID, as WeChat would.
export const createCloudClient: CloudClientFactory = (personas) => ({
  async call(contract, action, payload) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' }
    if (personas?.personaKey) headers['X-Everyshop-Persona'] = personas.personaKey

    let answer: unknown
    try {
      const response = await fetch(`/functions/${encodeURIComponent(contract.name)}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ action, payload }),
      })
      answer = await response.json()
    } catch (error) {
      throw new CloudError('NETWORK_ERROR', {}, { cause: error })
    }
    if (typeof answer === 'object' && answer !== null && 'result' in answer) {
      return unwrapFunctionResult(answer.result)
    }
    // `{ errCode, errMsg }`: the platform failed to run the function, which WeChat's callFunction reports
    // as a rejection too — the user sees the same network message on both platforms.
    throw new CloudError('NETWORK_ERROR', {}, { cause: answer })
  },
} satisfies CloudClient)
