import { FIELD_NAMES, NOTIFICATION_KINDS, NotificationKind, fieldTypeOf } from '../../../src/core/subscribe-message'

/**
 * Where a function finds the subscription message templates: environment variables (cloud console →
 * the function's configuration → 环境变量), since template ids belong to one mini program. For each kind,
 * `…_TEMPLATE` is the template id from 订阅消息 in the mini program's console, and the optional
 * `…_FIELDS` maps the message's fields to the template's keys (`orderNo=character_string1,goods=thing2`)
 * when the template chosen has other keys than the library template DEFAULT_FIELD_KEYS names.
 * The local cloud sets the same variables for the functions it runs, from the templates it knows.
 */
export const SUBSCRIBE_ENV: Record<NotificationKind, { template: string; fields: string }> = {
  order_shipped: { template: 'SUBSCRIBE_ORDER_SHIPPED_TEMPLATE', fields: 'SUBSCRIBE_ORDER_SHIPPED_FIELDS' },
  refund_result: { template: 'SUBSCRIBE_REFUND_RESULT_TEMPLATE', fields: 'SUBSCRIBE_REFUND_RESULT_FIELDS' },
  commission_available: { template: 'SUBSCRIBE_COMMISSION_AVAILABLE_TEMPLATE', fields: 'SUBSCRIBE_COMMISSION_AVAILABLE_FIELDS' },
}

/** The keys of the public library templates chosen for each kind (订单发货提醒, 退款结果通知, 佣金到账提醒). */
export const DEFAULT_FIELD_KEYS: Record<NotificationKind, Record<string, string>> = {
  order_shipped: { orderNo: 'character_string1', goods: 'thing2', carrier: 'thing3', trackingNo: 'character_string4', shippedAt: 'date5' },
  refund_result: { orderNo: 'character_string1', amount: 'amount2', outcome: 'phrase3', reason: 'thing4', at: 'date5' },
  commission_available: { amount: 'amount1', orders: 'number2', at: 'date3', note: 'thing4' },
}

export interface SubscribeTemplate {
  id: string
  /** The message's field name → the template's key. */
  fields: Record<string, string>
}

export type SubscribeTemplates = Partial<Record<NotificationKind, SubscribeTemplate>>

type Environment = Record<string, string | undefined>

/** The templates configured in `env` (a kind without a template id has none), and every problem with a field map, named. */
export function subscribeTemplatesFrom(env: Environment): { templates: SubscribeTemplates; problems: string[] } {
  const templates: SubscribeTemplates = {}
  const problems: string[] = []
  for (const kind of NOTIFICATION_KINDS) {
    const id = env[SUBSCRIBE_ENV[kind].template]?.trim()
    if (!id) continue
    const map = env[SUBSCRIBE_ENV[kind].fields]?.trim()
    const fields: Record<string, string> = map ? Object.fromEntries(map.split(',').map((pair) => pair.split('=').map((part) => part.trim()))) : DEFAULT_FIELD_KEYS[kind]
    const names: string[] = FIELD_NAMES[kind]
    const wrong = Object.entries(fields).filter(([name, key]) => !names.includes(name) || !key || !fieldTypeOf(key))
    if (wrong.length > 0 || Object.keys(fields).length === 0) {
      problems.push(`${SUBSCRIBE_ENV[kind].fields} must map some of ${names.join(', ')} to template keys such as thing1: ${map}`)
      continue
    }
    templates[kind] = { id, fields }
  }
  return { templates, problems }
}

let configured: SubscribeTemplates | undefined

/** This function's templates, read once per instance; a wrong field map is logged and its kind left out. */
export function subscribeTemplates(): SubscribeTemplates {
  if (configured) return configured
  const { templates, problems } = subscribeTemplatesFrom(process.env)
  for (const problem of problems) console.error(`subscription messages: ${problem}`)
  return (configured = templates)
}

/** The variables that configure these templates: what the local cloud gives its functions. */
export function subscribeEnvironment(templates: Record<NotificationKind, SubscribeTemplate>): Record<string, string> {
  return Object.fromEntries(
    NOTIFICATION_KINDS.flatMap((kind) => [
      [SUBSCRIBE_ENV[kind].template, templates[kind].id],
      [SUBSCRIBE_ENV[kind].fields, Object.entries(templates[kind].fields).map(([name, key]) => `${name}=${key}`).join(',')],
    ]),
  )
}
