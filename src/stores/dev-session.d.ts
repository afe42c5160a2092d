// Taro builds dev-session.h5.ts or dev-session.weapp.ts for `./dev-session`; this declaration is what
// TypeScript sees, and what both platform files implement.
import type { SessionStore } from './session-store'

/** The development sign-in's session on H5; null in WeChat, where the caller is whoever opened the mini program. */
export declare function createSession(): SessionStore | null
