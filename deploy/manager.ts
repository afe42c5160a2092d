import type CloudBase from '@cloudbase/manager-node'

/**
 * The part of `@cloudbase/manager-node` deploy uses, typed by the SDK's own declarations so a fake
 * cannot drift from the real methods' names and argument shapes.
 */
export interface CloudManager {
  database: Pick<CloudBase['database'], 'createCollectionIfNotExists' | 'describeCollection' | 'updateCollection'>
  functions: Pick<
    CloudBase['functions'],
    'getFunctionDetail' | 'createFunction' | 'updateFunctionCode' | 'updateFunctionConfig' | 'createFunctionTriggers' | 'deleteFunctionTrigger'
  >
  permission: Pick<CloudBase['permission'], 'describeResourcePermission' | 'modifyResourcePermission'>
  access: Pick<CloudBase['access'], 'getAccessList' | 'createAccess'>
}

export type FunctionDetail = Awaited<ReturnType<CloudManager['functions']['getFunctionDetail']>>
export type CloudFunctionSpec = Parameters<CloudManager['functions']['updateFunctionConfig']>[0]
export type IndexChanges = Parameters<CloudManager['database']['updateCollection']>[1]
export type CollectionPermission = Parameters<CloudManager['permission']['modifyResourcePermission']>[0]['permission']

/** Where the real manager reads its credentials: Tencent Cloud's standard variable names. */
export const CREDENTIAL_VARIABLES = { secretId: 'TENCENTCLOUD_SECRETID', secretKey: 'TENCENTCLOUD_SECRETKEY', token: 'TENCENTCLOUD_SESSIONTOKEN' } as const

/** The real manager for one environment; loaded only when deploying, so a dry run needs no SDK setup. */
export async function connectManager(envId: string, env: Record<string, string | undefined>): Promise<CloudManager> {
  const { default: Manager } = (await import('@cloudbase/manager-node')) as unknown as { default: typeof CloudBase }
  return new Manager({
    envId,
    secretId: env[CREDENTIAL_VARIABLES.secretId],
    secretKey: env[CREDENTIAL_VARIABLES.secretKey],
    token: env[CREDENTIAL_VARIABLES.token],
  })
}
