import { CloudError } from './cloud'
import { uploadPath, type FileService } from './files'

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

// The H5 build is served by the local cloud, which takes a browser's upload as WeChat's client would.
export const createFileService = (): FileService => ({
  async uploadCsv(folder) {
    const file = await pickFile('.csv,text/csv')
    if (!file) return null
    let answer: unknown
    try {
      const response = await fetch(`/storage?cloudPath=${encodeURIComponent(uploadPath(folder))}`, { method: 'POST', body: file })
      answer = await response.json()
    } catch (error) {
      throw new CloudError('NETWORK_ERROR', {}, { cause: error })
    }
    if (typeof answer === 'object' && answer !== null && 'fileID' in answer && typeof answer.fileID === 'string') return answer.fileID
    throw new CloudError('NETWORK_ERROR', {}, { cause: answer })
  },

  async keep(url, fileName) {
    const link = document.createElement('a')
    link.href = url
    link.download = fileName
    document.body.appendChild(link)
    link.click()
    link.remove()
  },
})
