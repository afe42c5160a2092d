// The one table from error codes to the Chinese text users see. Codes of the cloud functions'
// business errors join it when the client wants wording other than the server's own message.
const MESSAGES = new Map<string, string>([
  ['NETWORK_ERROR', '网络异常，请稍后重试'],
  ['INVALID_RESPONSE', '服务暂时不可用，请稍后重试'],
  ['UNEXPECTED_ERROR', '出了点问题，请稍后重试'],
])

const FALLBACK_MESSAGE = '网络异常，请稍后重试'

/** Text for `code`: the table's wording first, then the server's message, then a generic line. */
export function messageForCode(code: string, serverMessage?: string): string {
  return MESSAGES.get(code) ?? (serverMessage || FALLBACK_MESSAGE)
}
