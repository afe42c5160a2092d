// Taro resolves `./cloud-files` to cloud-files.weapp.ts or cloud-files.h5.ts at build time; this declaration is what
// TypeScript sees, and both platform files are checked against it.
import type { PersonaSource } from './cloud'
import type { FileService } from './files'

/** `personas`: who the H5 build uploads as (null in WeChat, where the platform knows the user). */
export declare const createFileService: (personas: PersonaSource | null) => FileService
