/**
 * The environment setting (cloud console → the user and hq functions' configuration → 环境变量) that
 * names HQ's first admin by OPENID. It only counts while HQ has no full admin — a fresh environment —
 * so removing it later changes nothing, and it cannot bring back an admin HQ removed. (Its own file, so
 * the local cloud can set it without loading the database client.)
 */
export const HQ_BOOTSTRAP_OPENID = 'HQ_BOOTSTRAP_OPENID'
