/**
 * The platform's files: picking a CSV and putting it in cloud storage, and keeping a file the cloud
 * made. WeChat's own pickers and cloud upload on weapp; a file input and the local cloud on H5.
 */
export interface FileService {
  /** Lets the user pick a CSV file and uploads it under `folder`; resolves with its fileID, or null if none was picked. */
  uploadCsv(folder: string): Promise<string | null>
  /** Hands a file at a download link to the user: a download in the browser; in WeChat, a file to send to a chat and open on a computer. */
  keep(url: string, fileName: string): Promise<void>
}

/** A cloud path no one else's upload takes: the time, and enough randomness for two HQ phones at once. */
export const uploadPath = (folder: string, now = Date.now()): string => `${folder}/${now}-${Math.random().toString(36).slice(2, 10)}.csv`
