// Taro builds dev-sign-in.h5.tsx or dev-sign-in.weapp.tsx for `./dev-sign-in`; this declaration is
// what TypeScript sees, and what both platform files implement.
import type { ReactElement } from 'react'
import type { SessionStore } from '../../stores/session-store'

export interface DevSignInProps {
  session: SessionStore
}

/** 开发者登录 on H5: picks the persona the local cloud treats as the caller. Nothing in WeChat. */
export declare function DevSignIn(props: DevSignInProps): ReactElement | null
