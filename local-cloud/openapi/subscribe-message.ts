import { FIELD_MAX_CHARS, FieldType, NOTIFICATION_KINDS, NotificationKind, fieldTypeOf } from '../../src/core/subscribe-message'
import { DEFAULT_FIELD_KEYS, SubscribeTemplate } from '../../cloudfunctions/_shared/notifications/config'
import type { JsonAnswer } from './shipping-info'

/** What `requestSubscribeMessage` answers per template id: the dev persona accepts every template it knows. */
export type SubscribeAnswer = { ok: true; answers: Record<string, 'accept'> } | { ok: false; errCode: number; errMsg: string }

/**
 * The templates the local mini program has added from WeChat's library, one per kind the shop sends,
 * with the library templates' keys: what the local cloud's functions are configured with.
 */
export const LOCAL_SUBSCRIBE_TEMPLATES = Object.fromEntries(
  NOTIFICATION_KINDS.map((kind) => [kind, { id: `local-${kind.replace(/_/g, '-')}`, fields: DEFAULT_FIELD_KEYS[kind] }]),
) as Record<NotificationKind, SubscribeTemplate>

/** `2026年11月29日` or `2026-11-29`, optionally with a 24-hour time; a range joins two with `~`. */
const DAY = String.raw`\d{4}(?:-\d{1,2}-\d{1,2}|\p{Script=Han}\d{1,2}\p{Script=Han}\d{1,2}\p{Script=Han})`
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?`
const DATE = new RegExp(`^${DAY}(?: ${CLOCK})?(?:~${DAY}(?: ${CLOCK})?)?$`, 'u')
const TIME = new RegExp(`^(?:${DAY} )?${CLOCK}(?:~(?:${DAY} )?${CLOCK})?$`, 'u')

/** What each kind of field may hold, as WeChat's documentation states it (the lengths are the shop's FIELD_MAX_CHARS). */
const FIELD_HOLDS: Record<FieldType, (value: string) => boolean> = {
  thing: () => true,
  number: (v) => /^\d+(\.\d+)?$/.test(v),
  letter: (v) => /^[A-Za-z]+$/.test(v),
  symbol: (v) => /^[^\p{L}\p{N}\s]+$/u.test(v),
  character_string: (v) => /^[\x21-\x7e]+$/.test(v),
  time: (v) => TIME.test(v),
  date: (v) => DATE.test(v),
  // One currency sign and at most 10 digits (the decimal point counted), maybe ending in 元.
  amount: (v) => /^[¥￥$]?(?=[\d.]{1,10}(?:\P{ASCII})?$)\d+(\.\d+)?(?:\p{Script=Han})?$/u.test(v),
  phone_number: (v) => /^[\d+\-() ]+$/.test(v),
  car_number: () => true,
  // Ten Han characters, or twenty letters and symbols.
  name: (v) => (/\p{Script=Han}/u.test(v) ? /^\p{Script=Han}{1,10}$/u.test(v) : /^[A-Za-z .·-]+$/.test(v)),
  phrase: (v) => /^\p{Script=Han}+$/u.test(v),
}

/** Why WeChat would refuse `value` for the template key `key` (errcode 47003), or null when it fits. */
export function fieldProblem(key: string, value: unknown): string | null {
  const type = fieldTypeOf(key)
  if (!type) return `unknown field type of ${key}`
  if (typeof value !== 'string' || value.trim() === '') return `${key} is empty`
  if ([...value].length > FIELD_MAX_CHARS[type]) return `${key} is longer than ${FIELD_MAX_CHARS[type]} characters`
  return FIELD_HOLDS[type](value) ? null : `${key} does not fit a ${type}`
}

/** WeChat shows at most 3 templates in one prompt. */
const MAX_PER_REQUEST = 3
const STATES = ['developer', 'trial', 'formal']

const refused = (errcode: number, errmsg: string): JsonAnswer => ({ errcode, errmsg })

/**
 * WeChat's subscription messages for this mini program: the templates added in its console, each
 * user's accepted one-time subscriptions (one message each), and `subscribeMessage.send` validated as
 * WeChat does — no touser 40003, an unknown template 40037, a page the app does not have 41030,
 * a data field missing, unknown or not fitting its type 47003 (`argument invalid! data.thing2.value`),
 * and no accepted subscription left 43101 (`user refuse to accept the msg`). Subscriptions are kept
 * in memory, for the life of the cloud, as WeChat keeps them apart from the shop's database.
 */
export class SubscribeMessageService {
  private readonly grants = new Map<string, number>()
  private readonly templates: Map<string, SubscribeTemplate>

  constructor(
    templates: SubscribeTemplate[],
    private readonly pages: () => string[],
  ) {
    this.templates = new Map(templates.map((template) => [template.id, template]))
  }

  /** `requestSubscribeMessage({ tmplIds })` as the user `openid` taps 允许 for every template. */
  subscribe(openid: string, tmplIds: unknown): SubscribeAnswer {
    if (!Array.isArray(tmplIds) || tmplIds.length === 0) return { ok: false, errCode: 10001, errMsg: 'requestSubscribeMessage:fail tmplIds is empty' }
    if (tmplIds.length > MAX_PER_REQUEST) return { ok: false, errCode: 20003, errMsg: `requestSubscribeMessage:fail at most ${MAX_PER_REQUEST} templates at once` }
    if (!tmplIds.every((id) => typeof id === 'string' && this.templates.has(id))) return { ok: false, errCode: 20001, errMsg: 'requestSubscribeMessage:fail No template data return, verify the template id exist' }
    for (const id of tmplIds as string[]) this.grants.set(grantKey(openid, id), this.held(openid, id) + 1)
    return { ok: true, answers: Object.fromEntries((tmplIds as string[]).map((id) => [id, 'accept' as const])) }
  }

  /** Accepted subscriptions of `openid` to `templateId` not yet spent. */
  held(openid: string, templateId: string): number {
    return this.grants.get(grantKey(openid, templateId)) ?? 0
  }

  send(params: Record<string, unknown>): JsonAnswer {
    const { touser, template_id: templateId, page, data, miniprogram_state: state = 'formal', lang = 'zh_CN' } = params
    if (typeof touser !== 'string' || touser.trim() === '') return refused(40003, 'invalid openid')
    const template = typeof templateId === 'string' ? this.templates.get(templateId) : undefined
    if (!template) return refused(40037, 'invalid template id')
    if (page !== undefined && (typeof page !== 'string' || !this.pages().includes(page.replace(/^\//, '').split('?')[0]))) return refused(41030, 'invalid page')
    if (typeof state !== 'string' || !STATES.includes(state)) return refused(47003, 'argument invalid! miniprogram_state')
    if (typeof lang !== 'string' || !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(lang)) return refused(47003, 'argument invalid! lang')
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return refused(47003, 'argument invalid! data')
    const keys = Object.values(template.fields)
    for (const key of new Set([...keys, ...Object.keys(data)])) {
      const field = (data as Record<string, unknown>)[key]
      const value = typeof field === 'object' && field !== null ? (field as { value?: unknown }).value : undefined
      if (!keys.includes(key) || fieldProblem(key, value)) return refused(47003, `argument invalid! data.${key}.value invalid`)
    }
    const held = this.held(touser, template.id)
    if (held < 1) return refused(43101, 'user refuse to accept the msg')
    this.grants.set(grantKey(touser, template.id), held - 1)
    return { errcode: 0, errmsg: 'ok' }
  }
}

const grantKey = (openid: string, templateId: string) => `${openid}\n${templateId}`
