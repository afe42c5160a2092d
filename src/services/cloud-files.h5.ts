import { CloudError, type PersonaSource } from './cloud'
import { imageExtensionOf, uploadPath, type FileService } from './files'

/** The browser's file picker: resolves with the chosen file, or null when it was closed without one. */
function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => resolve(null))
    input.click()
  })
}

// The H5 build has no wx.cloud: the local cloud that serves it takes the upload on WeChat's behalf, as
// the persona (the local cloud, not the page, turns the persona into the OPENID).
export const createFileService = (personas: PersonaSource | null): FileService => {
  async function upload(cloudPath: string, file: Blob): Promise<string> {
    let answer: unknown
    try {
      const headers: Record<string, string> = personas?.personaKey ? { 'X-Everyshop-Persona': personas.personaKey } : {}
      const response = await fetch(`/storage?cloudPath=${encodeURIComponent(cloudPath)}`, { method: 'POST', headers, body: file })
      answer = await response.json()
    } catch (error) {
      throw new CloudError('NETWORK_ERROR', {}, { cause: error })
    }
    if (typeof answer === 'object' && answer !== null && 'fileID' in answer && typeof answer.fileID === 'string') return answer.fileID
    throw new CloudError('NETWORK_ERROR', {}, { cause: answer })
  }

  return {
    async uploadCsv(folder) {
      const file = await pickFile('.csv,text/csv')
      return file ? upload(uploadPath(folder, 'csv'), file) : null
    },

    // The picked image's path is a blob: URL the browser made.
    async uploadImage(folder, filePath) {
      let file: Blob
      try {
        file = await (await fetch(filePath)).blob()
      } catch (error) {
        throw new CloudError('NETWORK_ERROR', {}, { cause: error })
      }
      return upload(uploadPath(folder, imageExtensionOf(filePath, file.type)), file)
    },

    async keep(url, fileName) {
      const link = document.createElement('a')
      link.href = url
      link.download = fileName
      document.body.appendChild(link)
      link.click()
      link.remove()
    },
  }
}
