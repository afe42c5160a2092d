import cloud from 'wx-server-sdk'

/** How WeChat invoked this function: a user in the mini program, the payment system, or a timer. */
export type CallSource = 'client' | 'paycallback' | 'trigger' | 'server'

export interface Caller {
  openid?: string
  appid?: string
  unionid?: string
  source: CallSource
}

/**
 * The one reader of `cloud.getWXContext()`. Identity always comes from here, never from the event:
 * anyone can put an openid in a payload, only WeChat can put one in the context.
 */
export function currentCaller(): Caller {
  const context = cloud.getWXContext()
  // SOURCE is a chain (`wx_client,scf` when a function calls another); the first link is the origin.
  const origin = String(context.SOURCE ?? '').split(',')[0]
  const source: CallSource =
    origin === 'wx_client' || origin === 'wx_devtools'
      ? 'client'
      : origin === 'wx_paycallback'
        ? 'paycallback'
        : origin === 'wx_trigger'
          ? 'trigger'
          : 'server'
  return {
    openid: context.OPENID ? String(context.OPENID) : undefined,
    appid: context.APPID ? String(context.APPID) : undefined,
    unionid: context.UNIONID ? String(context.UNIONID) : undefined,
    source,
  }
}

/** The cloud environment this function runs in (where payment notifications must come back to). */
export function currentEnvironment(): string {
  return String(cloud.getWXContext().ENV ?? '')
}
