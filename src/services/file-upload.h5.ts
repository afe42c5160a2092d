import { CloudError, type PersonaSource } from './cloud'
import { extensionOf } from './file-extension'
import type { FileUploader } from './file-upload'

// The H5 build has no wx.cloud: the local cloud that serves it takes the upload on WeChat's behalf, as
// the persona (the local cloud, not the page, turns the persona into the OPENID). The picked file's
// path is a blob: URL the browser made.
export const createFileUploader = (personas: PersonaSource | null): FileUploader => async (name, filePath) => {
  let answer: { fileID?: string }
  try {
    const file = await (await fetch(filePath)).blob()
    const cloudPath = `${name}.${extensionOf(filePath, file.type)}`
    const headers: Record<string, string> = personas?.personaKey ? { 'X-Everyshop-Persona': personas.personaKey } : {}
    const response = await fetch(`/dev/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers, body: file })
    answer = await response.json()
  } catch (error) {
    throw new CloudError('NETWORK_ERROR', {}, { cause: error })
  }
  if (!answer.fileID) throw new CloudError('NETWORK_ERROR', {}, { cause: answer })
  return answer.fileID
}
