import Taro from '@tarojs/taro'
import { initCloud } from './cloud-client.weapp'
import { CloudError, type PersonaSource } from './cloud'
import { imageExtensionOf, uploadPath, type FileService } from './files'

/** WeChat's "not picked" answers end in `cancel`; anything else is a failure worth telling. */
const cancelled = (error: unknown) => /cancel/.test(String((error as { errMsg?: string })?.errMsg ?? ''))

/** WeChat uploads from the phone straight to cloud storage, as the user who opened the mini program. */
async function upload(cloudPath: string, filePath: string): Promise<string> {
  initCloud()
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath })
    return fileID
  } catch (error) {
    throw new CloudError('NETWORK_ERROR', {}, { cause: error })
  }
}

export const createFileService = (_personas: PersonaSource | null): FileService => ({
  async uploadCsv(folder) {
    let picked: Taro.chooseMessageFile.SuccessCallbackResult
    try {
      // A CSV reaches a phone as a chat attachment (from a computer, through 文件传输助手).
      picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] })
    } catch (error) {
      if (cancelled(error)) return null
      throw new CloudError('UNEXPECTED_ERROR', {}, { cause: error })
    }
    return upload(uploadPath(folder, 'csv'), picked.tempFiles[0].path)
  },

  uploadImage: (folder, filePath) => upload(uploadPath(folder, imageExtensionOf(filePath)), filePath),

  // WeChat's document viewer (openDocument) opens Office files and PDF, not CSV: the file is sent to a
  // chat instead, from where HQ opens it in Excel on a computer.
  async keep(url, fileName) {
    try {
      const { tempFilePath } = await Taro.downloadFile({ url })
      await Taro.shareFileMessage({ filePath: tempFilePath, fileName })
    } catch (error) {
      if (cancelled(error)) return
      throw new CloudError('NETWORK_ERROR', {}, { cause: error })
    }
  },
})
