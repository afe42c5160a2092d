// Taro resolves `./cloud-files` to cloud-files.weapp.ts or cloud-files.h5.ts at build time; this declaration is what
// TypeScript sees, and both platform files are checked against it.
import type { FileService } from './files'

export declare const createFileService: () => FileService
