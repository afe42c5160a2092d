import Taro from '@tarojs/taro'
import { CloudError, type PersonaSource } from './cloud'
import { extensionOf } from './file-extension'
import type { FileUploader } from './file-upload'

// WeChat uploads from the phone straight to cloud storage, as the user who opened the mini program.
// The cloud client has initialised Taro.cloud by the time a page can upload (it loaded the page's data).
export const createFileUploader = (_personas: PersonaSource | null): FileUploader => async (name, filePath) => {
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `${name}.${extensionOf(filePath)}`, filePath })
    return fileID
  } catch (error) {
    throw new CloudError('NETWORK_ERROR', {}, { cause: error })
  }
}
