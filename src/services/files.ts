/**
 * The platform's files: picking a CSV or taking a picked image and putting it in cloud storage as the
 * signed-in user, and keeping a file the cloud made. WeChat's own pickers and `wx.cloud.uploadFile` on
 * weapp; a file input and the local cloud's stand-in for `wx.cloud.uploadFile` on H5.
 */
export interface FileService {
  /** Lets the user pick a CSV file and uploads it under `folder`; resolves with its fileID, or null if none was picked. */
  uploadCsv(folder: string): Promise<string | null>
  /**
   * Uploads an image the user picked (its temporary path: WeChat's temp file, or the browser's blob:
   * URL) under `folder`; resolves with its fileID (`cloud://…`).
   */
  uploadImage(folder: string, filePath: string): Promise<string>
  /** Hands a file at a download link to the user: a download in the browser; in WeChat, a file to send to a chat and open on a computer. */
  keep(url: string, fileName: string): Promise<void>
}

/**
 * A cloud path no one else's upload takes: the time, and enough randomness for two HQ phones at once
 * (storage refuses to overwrite a file).
 */
export const uploadPath = (folder: string, extension: string, now = Date.now()): string =>
  `${folder}/${now}-${Math.random().toString(36).slice(2, 10)}.${extension}`

const IMAGE_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' }

/**
 * The extension a picked image is stored under — storage serves a file with the type of its
 * extension: its path's (WeChat's temp paths keep it), else its MIME type's (a browser's blob: URL
 * has none), else jpg, what phone cameras make.
 */
export function imageExtensionOf(filePath: string, mimeType = ''): string {
  return /\.(png|jpe?g|gif|webp)$/i.exec(filePath)?.[1]?.toLowerCase() ?? IMAGE_TYPES[mimeType] ?? 'jpg'
}
