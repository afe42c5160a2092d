import { z } from 'zod'
import { Result, fail, ok } from './result'
import type { ShareChannel, VisitChannel } from './share-code'
import { ShopRef, isShopOpen } from './shop'
import { addDays } from './time'

/**
 * Attribution (归属): which shop a customer belongs to (their binding) and which shop each order
 * belongs to, by the rules of PRODUCT.md — a share visit binds the visitor to the shop for a
 * protection window; inside it another shop's link does not take the customer; after it the next
 * share visit may rebind; a paid order extends the window; no one is bound to their own shop and
 * employees are not bound to colleagues; an order belongs to the shop whose page it was placed
 * from, else the bound shop, else HQ. Every decision comes with its reason, so each order and each
 * binding can say why it is where it is.
 */

// The rules HQ configures

export const ATTRIBUTION_STRATEGIES = ['first_touch', 'last_touch'] as const
/** first_touch: the first share keeps the customer for the window. last_touch: every share visit takes them. */
export type AttributionStrategy = (typeof ATTRIBUTION_STRATEGIES)[number]

/** Why HQ's rules are refused: each check's message is one of these codes; the words are the client's. */
export const RULES_PROBLEMS = [
  'RULES_PROTECTION_DAYS_INVALID',
  'RULES_STRATEGY_INVALID',
  'RULES_MULTI_LEVEL_REFUSED',
  'RULES_RECRUITING_REWARD_REFUSED',
  'RULES_SHARING_REWARD_REFUSED',
  'RULES_SHOP_FEE_REFUSED',
  'RULES_UNKNOWN_SETTING',
] as const

export type RulesProblem = (typeof RULES_PROBLEMS)[number]

const problem = (code: RulesProblem): string => code

/**
 * What a setting outside the schema would be asking for, by its name. Only named settings are ever
 * accepted, so none of these can be stored whatever it is called; the name only picks the reason
 * HQ is told. WeChat treats pay on a downline's sales, team pay and recruiting rewards as
 * multi-level distribution (多级分销) and rewards for sharing as 诱导分享; a fee or stock bought up
 * front makes an employee pay to sell.
 */
const REFUSED_SETTINGS: Array<[RegExp, RulesProblem]> = [
  [/level|tier|team|down-?line|up-?line|parent|indirect|override|grand|second|third|network|pyramid/i, 'RULES_MULTI_LEVEL_REFUSED'],
  [/recruit|invit|referral|new-?shop|onboard/i, 'RULES_RECRUITING_REWARD_REFUSED'],
  [/share|sharing|forward|repost|moments|poster/i, 'RULES_SHARING_REWARD_REFUSED'],
  [/fee|deposit|stock|inventory|prepa|purchase|buy-?in|minimum/i, 'RULES_SHOP_FEE_REFUSED'],
]

export const refusalOf = (setting: string): RulesProblem =>
  REFUSED_SETTINGS.find(([pattern]) => pattern.test(setting))?.[1] ?? 'RULES_UNKNOWN_SETTING'

/**
 * A settings schema that accepts its named settings and nothing else, and tells why it refuses the
 * rest (`refusalOf`): single level only, by the configuration itself. The commission rules of the
 * next issue are meant to be built with it too.
 */
export function singleLevelSettings<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess((value, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
    const known: Record<string, unknown> = {}
    for (const [key, setting] of Object.entries(value)) {
      if (key in shape) known[key] = setting
      else ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: refusalOf(key) })
    }
    return known
  }, z.object(shape).strict())
}

const attributionSettings = {
  protectionDays: z
    .number({ message: problem('RULES_PROTECTION_DAYS_INVALID') })
    .int(problem('RULES_PROTECTION_DAYS_INVALID'))
    .min(1, problem('RULES_PROTECTION_DAYS_INVALID'))
    .max(365, problem('RULES_PROTECTION_DAYS_INVALID'))
    .default(15),
  strategy: z.enum(ATTRIBUTION_STRATEGIES, { message: problem('RULES_STRATEGY_INVALID') }).default('first_touch'),
  paidOrderExtends: z.boolean().default(true),
}

/** What HQ sends to change the rules; the version is not theirs to choose. */
export const attributionRulesInput = singleLevelSettings(attributionSettings)
export type AttributionRulesInput = z.output<typeof attributionRulesInput>

/** The rules as stored, with their version; read back through this schema too. */
export const attributionRules = singleLevelSettings({ version: z.number().int().min(1), ...attributionSettings })

/**
 * The rules in force. Each change is a new version; orders and bindings record the version they
 * were decided under, so the functions keep every version to explain old decisions by.
 */
export type AttributionRules = z.output<typeof attributionRules>

export const DEFAULT_ATTRIBUTION_RULES: AttributionRules = { version: 1, protectionDays: 15, strategy: 'first_touch', paidOrderExtends: true }

export const reviseAttributionRules = (current: AttributionRules, change: AttributionRulesInput): AttributionRules => ({
  ...change,
  version: current.version + 1,
})

/**
 * The protection window is whole 24-hour days from the moment that opened it (a bind, or a paid
 * order): the same length whatever time of day the visit came, and [start, end) — at `end` it is over.
 */
export const protectionEndsAt = (from: Date, rules: Pick<AttributionRules, 'protectionDays'>): Date => addDays(from, rules.protectionDays)

// Bindings

/** active: bound until expiresAt. expired: the window ran out. released: HQ took the customer back (offboarding). */
export type BindingStatus = 'active' | 'expired' | 'released'

/** What made the current binding: a share visit, or HQ moving the customer. */
export type BindingSource =
  | { kind: 'share'; sharerOpenid: string | null; shareCode: string; channel: ShareChannel }
  | { kind: 'hq'; byOpenid: string | null }

export interface Binding {
  /**
   * The customer's openid: one binding per customer, so two share visits at the same instant write
   * the same document and the database puts one after the other.
   */
  _id: string
  customerOpenid: string
  /** The shop the customer is (or was last) bound to. */
  shopId: string
  ownerOpenid: string
  status: BindingStatus
  source: BindingSource
  boundAt: Date
  /** The end of the protection window, and of the binding. */
  expiresAt: Date
  /** The rules version the window was last set under. */
  ruleVersion: number
  updatedAt: Date
}

/** A binding counts while it is active and inside its window. */
export const isBindingLive = (binding: Binding, at: Date): boolean => binding.status === 'active' && at < binding.expiresAt

export type BindingHistoryKind = 'bind' | 'extend' | 'expire' | 'rebind' | 'reassign'

export type RebindReason = 'protection_over' | 'released' | 'last_touch'
export type ReassignReason = 'owner_offboarded' | 'hq_decision' | 'customer_became_employee'
export type BindingHistoryReason = 'first_share' | RebindReason | 'paid_order' | ReassignReason

/** One line of a customer's binding history: what changed, why, under which rules. */
export interface BindingHistoryEntry {
  customerOpenid: string
  kind: BindingHistoryKind
  /** The shop the customer is bound to after the entry; null: nobody's, so HQ's. */
  shopId: string | null
  /** The shop the customer was bound to (live) just before, when the entry moved them. */
  fromShopId: string | null
  /** What caused it: a share, a paid order, the clock, HQ. */
  source: BindingSource | { kind: 'order'; orderId: string } | { kind: 'clock' }
  reason: BindingHistoryReason
  /** The window's end after the entry; null when the customer is nobody's. */
  expiresAt: Date | null
  ruleVersion: number
  at: Date
}

/** A binding after a rule met it, and what to append to its history (oldest first). */
export interface BindingChange {
  binding: Binding
  history: BindingHistoryEntry[]
}

/**
 * Records a window that has run out: the binding becomes expired, with an `expire` entry dated when
 * the window ended (not when it was noticed). Every rule below notices it first, and a timer may
 * too; once recorded it is not recorded again.
 */
export function expireBinding(binding: Binding, at: Date): BindingChange {
  if (binding.status !== 'active' || at < binding.expiresAt) return { binding, history: [] }
  return {
    binding: { ...binding, status: 'expired', updatedAt: at },
    history: [
      {
        customerOpenid: binding.customerOpenid,
        kind: 'expire',
        shopId: null,
        fromShopId: binding.shopId,
        source: { kind: 'clock' },
        reason: 'protection_over',
        expiresAt: null,
        ruleVersion: binding.ruleVersion,
        at: binding.expiresAt,
      },
    ],
  }
}

// A share visit

export interface Visit {
  visitorOpenid: string
  visitorIsEmployee: boolean
  shop: ShopRef
  sharerOpenid: string | null
  /** Null for a direct visit. */
  shareCode: string | null
  channel: VisitChannel
  at: Date
}

/** Why a visit leaves the binding as it was. */
export type KeepReason =
  /** The owner in their own shop: no one is bound to their own shop. */
  | 'self_visit'
  /** An employee in a colleague's shop: an employee's purchases are their own, not a colleague's. */
  | 'colleague_shop'
  /** A pending, suspended or closed shop binds no one. */
  | 'shop_not_active'
  /** Only a share binds; a direct visit is counted, not bound. */
  | 'not_shared'
  /** First touch: another shop's link inside the window does not take the customer. */
  | 'protected'
  /** First touch: a revisit through the bound shop inside the window; only a paid order extends it. */
  | 'same_shop'

export type BindingDecision =
  | { outcome: 'bind'; reason: 'first_share'; binding: Binding; history: BindingHistoryEntry[] }
  | { outcome: 'rebind'; reason: RebindReason; binding: Binding; history: BindingHistoryEntry[] }
  /** binding: the customer's binding as it stands (null: never bound); history holds a lapsed window, if one was noticed. */
  | { outcome: 'keep'; reason: KeepReason; binding: Binding | null; history: BindingHistoryEntry[] }

/**
 * What a visit does to the visitor's binding. The checks run in this order: whose the shop is to
 * the visitor (self, colleague), whether the shop is open, whether it was a share; then the
 * strategy: under first touch a live binding is kept, under last touch the newest share takes the
 * customer (the same shop's share too: its sharer and channel become the binding's, and the window
 * restarts). A binding whose window has ended is replaced by the next share, whichever shop's.
 */
export function decideBinding(current: Binding | null, visit: Visit, rules: AttributionRules): BindingDecision {
  const noticed = current ? expireBinding(current, visit.at) : null
  const binding = noticed?.binding ?? null
  const lapsed = noticed?.history ?? []
  const keep = (reason: KeepReason): BindingDecision => ({ outcome: 'keep', reason, binding, history: lapsed })

  if (visit.visitorOpenid === visit.shop.ownerOpenid) return keep('self_visit')
  if (visit.visitorIsEmployee) return keep('colleague_shop')
  if (!isShopOpen(visit.shop)) return keep('shop_not_active')
  if (visit.channel === 'direct' || !visit.shareCode) return keep('not_shared')

  const live = binding?.status === 'active'
  if (live && rules.strategy === 'first_touch') return keep(binding.shopId === visit.shop._id ? 'same_shop' : 'protected')

  const source: BindingSource = { kind: 'share', sharerOpenid: visit.sharerOpenid, shareCode: visit.shareCode, channel: visit.channel }
  const next: Binding = {
    _id: visit.visitorOpenid,
    customerOpenid: visit.visitorOpenid,
    shopId: visit.shop._id,
    ownerOpenid: visit.shop.ownerOpenid,
    status: 'active',
    source,
    boundAt: visit.at,
    expiresAt: protectionEndsAt(visit.at, rules),
    ruleVersion: rules.version,
    updatedAt: visit.at,
  }
  const entry = (kind: 'bind' | 'rebind', reason: BindingHistoryReason): BindingHistoryEntry => ({
    customerOpenid: visit.visitorOpenid,
    kind,
    shopId: next.shopId,
    fromShopId: live ? binding.shopId : null,
    source,
    reason,
    expiresAt: next.expiresAt,
    ruleVersion: rules.version,
    at: visit.at,
  })
  if (!binding) return { outcome: 'bind', reason: 'first_share', binding: next, history: [entry('bind', 'first_share')] }
  const reason: RebindReason = live ? 'last_touch' : binding.status === 'released' ? 'released' : 'protection_over'
  return { outcome: 'rebind', reason, binding: next, history: [...lapsed, entry('rebind', reason)] }
}

// A paid order

/** Why a paid order does not extend the window. */
export type NoExtensionReason =
  /** HQ turned extension off. */
  | 'rule_off'
  /** The binding had ended when the order was paid. */
  | 'binding_ended'
  /** The order was another shop's (placed from its page): the window protects the shop that sells. */
  | 'other_shop'
  /** A later payment already set a later end (notifications may come out of order). */
  | 'window_already_longer'

export type Extension = ({ extended: true; reason: 'paid_order' } | { extended: false; reason: NoExtensionReason }) & BindingChange

export interface PaidOrderRef {
  _id: string
  paidAt: Date
  attribution: Pick<OrderAttribution, 'shopId'>
}

/**
 * Each paid order of the bound shop restarts its window from the payment (never shortening it).
 * Judged at the payment's time, so a late notification still extends a window that was live then.
 */
export function extendBinding(binding: Binding, order: PaidOrderRef, rules: AttributionRules): Extension {
  const unchanged = (reason: NoExtensionReason): Extension => ({ extended: false, reason, binding, history: [] })
  if (!rules.paidOrderExtends) return unchanged('rule_off')
  if (!isBindingLive(binding, order.paidAt)) return { extended: false, reason: 'binding_ended', ...expireBinding(binding, order.paidAt) }
  if (order.attribution.shopId !== binding.shopId) return unchanged('other_shop')
  const expiresAt = protectionEndsAt(order.paidAt, rules)
  if (expiresAt <= binding.expiresAt) return unchanged('window_already_longer')
  const source = { kind: 'order' as const, orderId: order._id }
  return {
    extended: true,
    reason: 'paid_order',
    binding: { ...binding, expiresAt, ruleVersion: rules.version, updatedAt: order.paidAt },
    history: [
      {
        customerOpenid: binding.customerOpenid,
        kind: 'extend',
        shopId: binding.shopId,
        fromShopId: null,
        source,
        reason: 'paid_order',
        expiresAt,
        ruleVersion: rules.version,
        at: order.paidAt,
      },
    ],
  }
}

// Moving customers: offboarding, HQ's decision

export type ReassignTarget = { to: 'hq' } | { to: 'shop'; shop: ShopRef }

export interface ReassignContext {
  at: Date
  reason: ReassignReason
  /** The HQ admin who decided; null when the system did (a roster import). */
  byOpenid: string | null
  /** An employee customer may go to HQ only: employees are not bound to colleagues. */
  customerIsEmployee?: boolean
}

/**
 * Moves a live binding to HQ (the customer becomes nobody's, free for the next share) or to a
 * colleague's active shop, which gets a full window from now to get to know the customer.
 */
export function reassignBinding(binding: Binding, target: ReassignTarget, context: ReassignContext, rules: AttributionRules): Result<BindingChange> {
  const { at } = context
  if (!isBindingLive(binding, at)) return fail('BINDING_NOT_ACTIVE', { status: binding.status, expiresAt: binding.expiresAt })
  const source: BindingSource = { kind: 'hq', byOpenid: context.byOpenid }
  const entry = (shopId: string | null, expiresAt: Date | null): BindingHistoryEntry => ({
    customerOpenid: binding.customerOpenid,
    kind: 'reassign',
    shopId,
    fromShopId: binding.shopId,
    source,
    reason: context.reason,
    expiresAt,
    ruleVersion: rules.version,
    at,
  })
  if (target.to === 'hq') {
    return ok({ binding: { ...binding, status: 'released', updatedAt: at }, history: [entry(null, null)] })
  }
  const { shop } = target
  if (!isShopOpen(shop)) return fail('SHOP_NOT_ACTIVE', { shopId: shop._id, status: shop.status })
  if (shop._id === binding.shopId) return fail('BINDING_SAME_SHOP', { shopId: shop._id })
  if (shop.ownerOpenid === binding.customerOpenid) return fail('BINDING_SELF_REFUSED', { shopId: shop._id })
  if (context.customerIsEmployee) return fail('BINDING_COLLEAGUE_REFUSED', { shopId: shop._id })
  const expiresAt = protectionEndsAt(at, rules)
  const moved: Binding = {
    ...binding,
    shopId: shop._id,
    ownerOpenid: shop.ownerOpenid,
    status: 'active',
    source,
    boundAt: at,
    expiresAt,
    ruleVersion: rules.version,
    updatedAt: at,
  }
  return ok({ binding: moved, history: [entry(shop._id, expiresAt)] })
}

// Orders

/**
 * shop_page: placed from the shop's page. bound_customer: the buyer is bound to the shop.
 * own_shop: an employee buying, in their own shop (see attributeOrder). hq: none of these.
 */
export type AttributionReason = 'shop_page' | 'bound_customer' | 'own_shop' | 'hq'

/** A shop the order could have gone to, and why it did not. */
export interface PassedOver {
  shopId: string
  as: 'shop_page' | 'bound_customer'
  why: 'shop_not_active' | 'colleague_shop' | 'binding_ended'
}

/**
 * The decision an order keeps: written once when the order is placed and never moved by later
 * bindings, rule changes or shop moves.
 */
export interface OrderAttribution {
  /** null: HQ's order. */
  shopId: string | null
  ownerOpenid: string | null
  sharerOpenid: string | null
  shareCode: string | null
  channel: VisitChannel
  ruleVersion: number
  reason: AttributionReason
  /** The buyer owns the shop. Commission on it is HQ's switch (自购返佣, off by default), not attribution's. */
  selfPurchase: boolean
  passedOver: PassedOver[]
  decidedAt: Date
}

export interface ShareRef {
  sharerOpenid: string | null
  shareCode: string
  channel: ShareChannel
}

export interface AttributionInput {
  buyer: { openid: string; isEmployee: boolean }
  /** The shop whose page the order was placed from, and the share that brought the buyer there (null: came in directly). */
  pageShop?: { shop: ShopRef; share: ShareRef | null } | null
  /** The buyer's binding and its shop as the shop is now. */
  bound?: { binding: Binding; shop: ShopRef } | null
  /** An employee buyer's own shop. */
  ownShop?: ShopRef | null
  rules: AttributionRules
  at: Date
}

/**
 * Whose the order is: the shop whose page it was placed from, else the bound shop, else HQ.
 * A shop that is not active (pending, suspended, closed) is given no orders: the order falls to the
 * next in line — a suspended shop's page sends it to the buyer's bound shop, if that one is active,
 * else to HQ — and the shop passed over is recorded. An employee's purchase is never a colleague's:
 * it goes to their own active shop (a self-purchase) and otherwise to HQ.
 */
export function attributeOrder(input: AttributionInput): OrderAttribution {
  const { buyer, rules, at } = input
  const passedOver: PassedOver[] = []
  const decided = (reason: AttributionReason, shop: ShopRef | null, share: ShareRef | null): OrderAttribution => ({
    shopId: shop?._id ?? null,
    ownerOpenid: shop?.ownerOpenid ?? null,
    sharerOpenid: share?.sharerOpenid ?? null,
    shareCode: share?.shareCode ?? null,
    channel: share?.channel ?? 'direct',
    ruleVersion: rules.version,
    reason,
    selfPurchase: shop !== null && shop.ownerOpenid === buyer.openid,
    passedOver,
    decidedAt: at,
  })
  const colleagues = (shop: ShopRef) => buyer.isEmployee && shop.ownerOpenid !== buyer.openid

  if (input.pageShop) {
    const { shop, share } = input.pageShop
    if (!isShopOpen(shop)) passedOver.push({ shopId: shop._id, as: 'shop_page', why: 'shop_not_active' })
    else if (colleagues(shop)) passedOver.push({ shopId: shop._id, as: 'shop_page', why: 'colleague_shop' })
    else return decided('shop_page', shop, share)
  }
  if (input.bound) {
    const { binding, shop } = input.bound
    if (!isBindingLive(binding, at)) passedOver.push({ shopId: binding.shopId, as: 'bound_customer', why: 'binding_ended' })
    else if (!isShopOpen(shop)) passedOver.push({ shopId: shop._id, as: 'bound_customer', why: 'shop_not_active' })
    else if (colleagues(shop)) passedOver.push({ shopId: shop._id, as: 'bound_customer', why: 'colleague_shop' })
    else {
      const { source } = binding
      const share = source.kind === 'share' ? { sharerOpenid: source.sharerOpenid, shareCode: source.shareCode, channel: source.channel } : null
      return decided('bound_customer', shop, share)
    }
  }
  const own = input.ownShop
  if (buyer.isEmployee && own && own.ownerOpenid === buyer.openid && isShopOpen(own)) return decided('own_shop', own, null)
  return decided('hq', null, null)
}
