// Taro resolves `./image-src` to image-src.weapp.ts or image-src.h5.ts at build time.

/**
 * What an `<Image src>` needs to show a stored image: HQ's uploads are kept as cloud storage fileIDs
 * (`cloud://…`), which WeChat's Image shows as they are and a browser cannot; paths pass unchanged.
 */
export declare function imageSrc(stored: string): string
