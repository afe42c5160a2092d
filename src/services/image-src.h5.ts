// The local cloud that serves the H5 build redirects /storage?fileID=… to a fresh temporary URL.
export const imageSrc = (stored: string): string => (stored.startsWith('cloud://') ? `/storage?fileID=${encodeURIComponent(stored)}` : stored)
