/**
 * `taro build --type h5 --watch` serves the H5 app being edited here and passes the local cloud's
 * routes on to the cloud `npm start` (or `npm run cloud`) runs. The local cloud answers pages of its
 * own origin and of this one, and refuses every other web page (local-cloud/request-guard.ts).
 */
export const H5_DEV_SERVER_PORT = 10086
export const H5_DEV_SERVER_ORIGINS = [`http://127.0.0.1:${H5_DEV_SERVER_PORT}`, `http://localhost:${H5_DEV_SERVER_PORT}`]
/** The local cloud's routes the H5 app calls by path. */
export const LOCAL_CLOUD_ROUTES = ['/functions', '/dev', '/storage', '/assets', '/http']
