const BY_TYPE: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' }

/**
 * The extension a picked file is stored under — storage serves a file with the type of its
 * extension: its path's (WeChat's temp paths keep it), else its MIME type's (a browser's blob: URL
 * has none), else jpg, what phone cameras make.
 */
export function extensionOf(filePath: string, mimeType = ''): string {
  return /\.(png|jpe?g|gif|webp)$/i.exec(filePath)?.[1]?.toLowerCase() ?? BY_TYPE[mimeType] ?? 'jpg'
}
