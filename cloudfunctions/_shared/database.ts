import cloud from 'wx-server-sdk'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

/** The cloud database of the environment this function runs in. */
export const db = cloud.database()
export const _ = db.command

/** The SDK returns at most 1000 documents a call; pages never ask for more than this. */
export const MAX_PAGE_SIZE = 100
