// Taro resolves `./file-upload` to file-upload.weapp.ts or file-upload.h5.ts at build time.
import type { PersonaSource } from './cloud'

/**
 * Uploads a file the user picked (its temporary path on the phone) to cloud storage at `name` plus
 * the file's extension (from its path, or its type where the path has none), as the signed-in user,
 * and resolves with its fileID (`cloud://…`); rejects with a CloudError.
 */
export type FileUploader = (name: string, filePath: string) => Promise<string>

export declare const createFileUploader: (personas: PersonaSource | null) => FileUploader
