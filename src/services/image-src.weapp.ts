// WeChat's <Image> resolves cloud:// fileIDs itself.
export const imageSrc = (stored: string): string => stored
