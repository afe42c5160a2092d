import { z } from 'zod'
import type { Product } from './catalog'
import { Result, fail, ok } from './result'

/**
 * An employee's shop (员工小店). It owns nothing: HQ keeps the catalog, prices, stock and shipping,
 * so a shop is a face (name, avatar, intro), a selection of HQ's products (picks) and a status.
 * No fee opens it and nothing is bought up front.
 */
export type ShopStatus = 'pending' | 'active' | 'suspended' | 'closed'

/**
 * Who moves a shop. The owner opens it; HQ reviews, suspends and closes it; the system closes it when
 * the roster deactivates the owner (offboarding).
 */
export type ShopActor = { kind: 'owner'; openid: string } | { kind: 'hq'; openid: string } | { kind: 'system' }

export type ShopEvent = 'approve' | 'suspend' | 'reactivate' | 'close'

interface ShopMove {
  from: ShopStatus[]
  to: ShopStatus
  /** Who may make the move: an owner cannot approve or reactivate their own shop. */
  by: Array<ShopActor['kind']>
}

/**
 * pending → active ⇄ suspended → closed. Closed is final: closing follows the owner leaving the
 * roster, and their customers have been moved to HQ or a colleague by then, so reopening would
 * find a shop with no one's history behind it; a returning employee opens a new shop.
 * HQ does not "reject" a pending shop: it leaves it pending for the owner to edit, or closes it.
 */
export const SHOP_MOVES: Record<ShopEvent, ShopMove> = {
  approve: { from: ['pending'], to: 'active', by: ['hq'] },
  suspend: { from: ['active'], to: 'suspended', by: ['hq'] },
  reactivate: { from: ['suspended'], to: 'active', by: ['hq'] },
  close: { from: ['pending', 'active', 'suspended'], to: 'closed', by: ['hq', 'system'] },
}

export interface ShopHistoryEntry {
  event: ShopEvent | 'open'
  at: Date
  actor: ShopActor
  /** HQ's reason for a suspension or a close, as HQ wrote it. */
  note?: string
  from?: ShopStatus
  to: ShopStatus
}

/**
 * Which of HQ's products the shop shows: the whole catalog, whole categories, or products one by
 * one. Category and product lists are in the owner's order, which is the order the shop home shows.
 */
export type ShopPicks =
  | { mode: 'all' }
  | { mode: 'categories'; categoryIds: string[] }
  | { mode: 'products'; productIds: string[] }

export interface Shop {
  /**
   * Not the owner's openid: the id travels in every share path and poster, and an openid is not
   * something to hand to anyone who opens a link. One shop per owner is the functions' unique index.
   */
  _id: string
  ownerOpenid: string
  /** 工号, so HQ's console reads which employee a shop is without a join. */
  employeeNo: string
  name: string
  avatar: string
  intro: string
  status: ShopStatus
  picks: ShopPicks
  history: ShopHistoryEntry[]
  createdAt: Date
  updatedAt: Date
}

/** What attribution needs of a shop: whose it is and whether it may take orders now. */
export type ShopRef = Pick<Shop, '_id' | 'ownerOpenid' | 'status'>

/** Only an active shop takes visits, binds customers and is given orders. */
export const isShopOpen = (shop: Pick<Shop, 'status'>): boolean => shop.status === 'active'

/** HQ's setting for new shops. */
export interface ShopOpening {
  /** On: a new shop waits for HQ's approval. Off (the default): a shop opens active at once — "a shop in a minute". */
  reviewRequired: boolean
}

export const DEFAULT_SHOP_OPENING: ShopOpening = { reviewRequired: false }

// The editable fields

/**
 * Why the shop form is refused: each check's message is one of these codes, so the form and a
 * function's INVALID_INPUT issues say which rule failed; the words are the client's.
 */
export const SHOP_FIELD_PROBLEMS = [
  'SHOP_NAME_MISSING',
  'SHOP_NAME_TOO_LONG',
  'SHOP_AVATAR_INVALID',
  'SHOP_INTRO_TOO_LONG',
  'SHOP_PICKS_EMPTY',
  'SHOP_PICKS_TOO_MANY',
  'SHOP_PICKS_DUPLICATE',
] as const

export type ShopFieldProblem = (typeof SHOP_FIELD_PROBLEMS)[number]

const problem = (code: ShopFieldProblem): string => code

export const SHOP_NAME_MAX = 20
export const SHOP_INTRO_MAX = 200
export const MAX_PICKED_PRODUCTS = 200
export const MAX_PICKED_CATEGORIES = 50

/** Lengths count characters as people see them (an emoji is one), not UTF-16 units. */
const length = (text: string): number => Array.from(text).length

/** An uploaded avatar (cloud storage file id or https URL), or none: the page then shows the initial. */
const AVATAR = /^$|^cloud:\/\/\S+$|^https:\/\/\S+$/

export const shopProfileInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, problem('SHOP_NAME_MISSING'))
      .refine((name) => length(name) <= SHOP_NAME_MAX, problem('SHOP_NAME_TOO_LONG')),
    avatar: z.string().trim().max(512, problem('SHOP_AVATAR_INVALID')).regex(AVATAR, problem('SHOP_AVATAR_INVALID')).default(''),
    intro: z
      .string()
      .trim()
      .refine((intro) => length(intro) <= SHOP_INTRO_MAX, problem('SHOP_INTRO_TOO_LONG'))
      .default(''),
  })
  .strict()

export type ShopProfileInput = z.infer<typeof shopProfileInput>

const distinctIds = (max: number) =>
  z
    .array(z.string().min(1).max(64))
    .min(1, problem('SHOP_PICKS_EMPTY'))
    .max(max, problem('SHOP_PICKS_TOO_MANY'))
    .refine((ids) => new Set(ids).size === ids.length, problem('SHOP_PICKS_DUPLICATE'))

export const shopPicksInput = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }).strict(),
  z.object({ mode: z.literal('categories'), categoryIds: distinctIds(MAX_PICKED_CATEGORIES) }).strict(),
  z.object({ mode: z.literal('products'), productIds: distinctIds(MAX_PICKED_PRODUCTS) }).strict(),
])

// Opening a shop

/**
 * The words a default name and intro are made of. They are the client's (src/i18n), handed in, so
 * that the core decides only what a default is built from and that it fits the form's limits.
 */
export interface ShopDefaultWords {
  name: (employeeName: string) => string
  intro: (employee: { name: string; department?: string }) => string
}

/** What of the roster entry a shop's defaults come from. */
export interface ShopOwnerEntry {
  name: string
  department?: string
}

const clip = (text: string, max: number): string => Array.from(text.trim()).slice(0, max).join('')

/**
 * What the open-shop screen starts with, from the roster: a name and intro made of the employee's
 * name (clipped to fit, so the defaults always pass the form), the avatar the person already has,
 * and the whole catalog as picks — a new shop is never empty, and the owner narrows it later.
 */
export function shopDefaults(
  employee: ShopOwnerEntry,
  words: ShopDefaultWords,
  avatar = '',
): Pick<OpenShopInput, 'profile' | 'picks'> {
  const name = employee.name.trim()
  const department = employee.department?.trim() || undefined
  return {
    profile: {
      name: clip(words.name(name), SHOP_NAME_MAX),
      avatar: AVATAR.test(avatar) ? avatar : '',
      intro: clip(words.intro({ name, ...(department ? { department } : {}) }), SHOP_INTRO_MAX),
    },
    picks: { mode: 'all' },
  }
}

export interface OpenShopInput {
  _id: string
  ownerOpenid: string
  employeeNo: string
  profile: ShopProfileInput
  picks: ShopPicks
  opening: ShopOpening
  at: Date
}

/** A new shop: active at once, or pending HQ's review when HQ asks for it. */
export function openShop(input: OpenShopInput): Shop {
  const status: ShopStatus = input.opening.reviewRequired ? 'pending' : 'active'
  return {
    _id: input._id,
    ownerOpenid: input.ownerOpenid,
    employeeNo: input.employeeNo,
    ...input.profile,
    status,
    picks: input.picks,
    history: [{ event: 'open', at: input.at, actor: { kind: 'owner', openid: input.ownerOpenid }, to: status }],
    createdAt: input.at,
    updatedAt: input.at,
  }
}

/** Applies a move, or refuses it with the state it was refused in. Never changes its input. */
export function transitionShop(shop: Shop, event: ShopEvent, actor: ShopActor, at: Date, note?: string): Result<Shop> {
  const move = SHOP_MOVES[event]
  if (!move.from.includes(shop.status)) return fail('SHOP_ILLEGAL_TRANSITION', { event, status: shop.status })
  if (!move.by.includes(actor.kind)) return fail('SHOP_MOVE_FORBIDDEN', { event, actor: actor.kind })
  const entry: ShopHistoryEntry = { event, at, actor, ...(note ? { note } : {}), from: shop.status, to: move.to }
  return ok({ ...shop, status: move.to, history: [...shop.history, entry], updatedAt: at })
}

// Picks

type Pickable = Pick<Product, '_id' | 'categoryId'>

/** Whether the shop picked a product. Shelf state is HQ's and separate: a pick outlives a product's time off the shelf. */
export function isPicked(picks: ShopPicks, product: Pickable): boolean {
  switch (picks.mode) {
    case 'all':
      return true
    case 'categories':
      return picks.categoryIds.includes(product.categoryId)
    case 'products':
      return picks.productIds.includes(product._id)
  }
}

/**
 * The products a shop home shows, in the shop's order: picked one by one, in the owner's order;
 * by category, category by category in the owner's order and HQ's order within each; the whole
 * catalog in HQ's order. Off-shelf products are left out — no shop sells what HQ does not.
 */
export function arrangePicks<P extends Pickable & Pick<Product, 'onShelf' | 'sortOrder'>>(picks: ShopPicks, products: P[]): P[] {
  const shown = products.filter((p) => p.onShelf && isPicked(picks, p))
  const byHq = (a: P, b: P) => a.sortOrder - b.sortOrder
  switch (picks.mode) {
    case 'all':
      return [...shown].sort(byHq)
    case 'categories': {
      const rank = new Map(picks.categoryIds.map((id, i) => [id, i]))
      return [...shown].sort((a, b) => rank.get(a.categoryId)! - rank.get(b.categoryId)! || byHq(a, b))
    }
    case 'products': {
      const rank = new Map(picks.productIds.map((id, i) => [id, i]))
      return [...shown].sort((a, b) => rank.get(a._id)! - rank.get(b._id)!)
    }
  }
}
