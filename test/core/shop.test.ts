import { describe, expect, it } from 'vitest'
import {
  SHOP_MOVES,
  Shop,
  ShopActor,
  ShopEvent,
  ShopPicks,
  ShopStatus,
  arrangePicks,
  isPicked,
  openShop,
  shopDefaults,
  shopPicksInput,
  shopProfileInput,
  transitionShop,
} from '../../src/core/shop'

const at = new Date('2026-11-25T02:00:00Z')
const owner: ShopActor = { kind: 'owner', openid: 'o-ann' }
const hq: ShopActor = { kind: 'hq', openid: 'o-admin' }
const system: ShopActor = { kind: 'system' }
const ACTORS = { owner, hq, system }

function shop(status: ShopStatus): Shop {
  return {
    _id: 'shop-ann',
    ownerOpenid: 'o-ann',
    employeeNo: 'E001',
    name: 'Ann',
    avatar: '',
    intro: '',
    status,
    picks: { mode: 'all' },
    history: [],
    createdAt: at,
    updatedAt: at,
  }
}

const STATUSES: ShopStatus[] = ['pending', 'active', 'suspended', 'closed']
const EVENTS = Object.keys(SHOP_MOVES) as ShopEvent[]

/** The whole table, as the rules read: pending → active ⇄ suspended → closed. */
const LEGAL: Array<[ShopEvent, ShopStatus, keyof typeof ACTORS, ShopStatus]> = [
  ['approve', 'pending', 'hq', 'active'],
  ['suspend', 'active', 'hq', 'suspended'],
  ['reactivate', 'suspended', 'hq', 'active'],
  // HQ closes a shop, or the system does when the roster deactivates its owner; from any open state.
  ['close', 'pending', 'hq', 'closed'],
  ['close', 'active', 'hq', 'closed'],
  ['close', 'suspended', 'hq', 'closed'],
  ['close', 'pending', 'system', 'closed'],
  ['close', 'active', 'system', 'closed'],
  ['close', 'suspended', 'system', 'closed'],
]

describe('shop lifecycle', () => {
  it.each(LEGAL)('%s: %s by %s → %s', (event, from, actor, to) => {
    const before = shop(from)
    const result = transitionShop(before, event, ACTORS[actor], at, 'note')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.data.status).toBe(to)
    expect(result.data.history).toEqual([{ event, at, actor: ACTORS[actor], note: 'note', from, to }])
    expect(before.history).toEqual([])
    expect(before.status).toBe(from)
  })

  it('refuses every event from a state it is not allowed from, saying which', () => {
    let refused = 0
    for (const event of EVENTS) {
      for (const status of STATUSES) {
        if (SHOP_MOVES[event].from.includes(status)) continue
        for (const actor of Object.values(ACTORS)) {
          const result = transitionShop(shop(status), event, actor, at)
          expect(result.ok, `${event} from ${status}`).toBe(false)
          if (!result.ok) expect(result.error).toEqual({ code: 'SHOP_ILLEGAL_TRANSITION', details: { event, status } })
          refused++
        }
      }
    }
    // approve: 3 states, suspend: 3, reactivate: 3, close: 1 (closed) — times three actors.
    expect(refused).toBe(10 * 3)
  })

  it('refuses a move by someone the table does not name: an owner cannot approve or reactivate their own shop', () => {
    const legal = new Set(LEGAL.map(([e, s, a]) => `${e}/${s}/${a}`))
    let refused = 0
    for (const event of EVENTS) {
      for (const status of SHOP_MOVES[event].from) {
        for (const [name, actor] of Object.entries(ACTORS)) {
          if (legal.has(`${event}/${status}/${name}`)) continue
          const result = transitionShop(shop(status), event, actor, at)
          expect(result.ok ? undefined : result.error, `${event} from ${status} by ${name}`).toEqual({
            code: 'SHOP_MOVE_FORBIDDEN',
            details: { event, actor: name },
          })
          refused++
        }
      }
    }
    expect(refused).toBe((1 + 1 + 1 + 3) * 3 - LEGAL.length)
  })

  it('closed is final', () => {
    for (const event of EVENTS) expect(transitionShop(shop('closed'), event, hq, at).ok).toBe(false)
  })
})

describe('opening a shop', () => {
  const profile = { name: 'Ann', avatar: '', intro: '' }
  const open = (reviewRequired: boolean) =>
    openShop({ _id: 'shop-ann', ownerOpenid: 'o-ann', employeeNo: 'E001', profile, picks: { mode: 'all' }, opening: { reviewRequired }, at })

  it.each([
    [false, 'active'],
    [true, 'pending'],
  ] as const)('with HQ review %s, a new shop is %s', (reviewRequired, status) => {
    const opened = open(reviewRequired)
    expect(opened.status).toBe(status)
    expect(opened.history).toEqual([{ event: 'open', at, actor: owner, to: status }])
    expect(opened).toMatchObject({ ownerOpenid: 'o-ann', employeeNo: 'E001', ...profile, createdAt: at, updatedAt: at })
  })

  const words = {
    name: (name: string) => `${name}'s shop`,
    intro: ({ name, department }: { name: string; department?: string }) => (department ? `${name} of ${department}` : `${name} here`),
  }

  it('starts from the roster: a name and intro made of the employee, and the whole catalog as picks', () => {
    expect(shopDefaults({ name: ' Ann ', department: 'Hangzhou West Lake' }, words)).toEqual({
      profile: { name: "Ann's shop", avatar: '', intro: 'Ann of Hangzhou West Lake' },
      picks: { mode: 'all' },
    })
    expect(shopDefaults({ name: 'Bo', department: ' ' }, words).profile.intro).toBe('Bo here')
  })

  it('defaults always pass the form, however long the roster name', () => {
    const defaults = shopDefaults({ name: 'A'.repeat(60), department: 'D'.repeat(300) }, words)
    expect(shopProfileInput.safeParse(defaults.profile).success).toBe(true)
    expect(shopPicksInput.safeParse(defaults.picks).success).toBe(true)
  })

  it('keeps an avatar the person has, and drops one the form would refuse', () => {
    expect(shopDefaults({ name: 'Ann' }, words, 'cloud://env/avatars/ann.png').profile.avatar).toBe('cloud://env/avatars/ann.png')
    expect(shopDefaults({ name: 'Ann' }, words, 'http://insecure/a.png').profile.avatar).toBe('')
  })
})

describe('the shop form', () => {
  it.each([
    [{ name: 'Ann' }, null],
    [{ name: '  ' }, { name: 'SHOP_NAME_MISSING' }],
    [{ name: 'x'.repeat(21) }, { name: 'SHOP_NAME_TOO_LONG' }],
    // Twenty emoji are twenty characters, though forty UTF-16 units.
    [{ name: '🍵'.repeat(20) }, null],
    [{ name: 'Ann', intro: 'x'.repeat(201) }, { intro: 'SHOP_INTRO_TOO_LONG' }],
    [{ name: 'Ann', avatar: 'https://cdn.example.com/a.png' }, null],
    [{ name: 'Ann', avatar: 'javascript:alert(1)' }, { avatar: 'SHOP_AVATAR_INVALID' }],
    [{ name: 'Ann', status: 'active' }, { '': 'Unrecognized key(s) in object: \'status\'' }],
  ])('%j is refused with %j', (input, problems) => {
    const parsed = shopProfileInput.safeParse(input)
    const said = parsed.success ? null : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]))
    expect(said).toEqual(problems)
  })

  it.each([
    [{ mode: 'all' }, null],
    [{ mode: 'categories', categoryIds: ['green', 'black'] }, null],
    [{ mode: 'categories', categoryIds: [] }, 'SHOP_PICKS_EMPTY'],
    [{ mode: 'products', productIds: ['p1', 'p2', 'p1'] }, 'SHOP_PICKS_DUPLICATE'],
    [{ mode: 'products', productIds: Array.from({ length: 201 }, (_, i) => `p${i}`) }, 'SHOP_PICKS_TOO_MANY'],
    [{ mode: 'categories', categoryIds: Array.from({ length: 51 }, (_, i) => `c${i}`) }, 'SHOP_PICKS_TOO_MANY'],
  ])('picks %j: %s', (input, problem) => {
    const parsed = shopPicksInput.safeParse(input)
    expect(parsed.success ? null : parsed.error.issues[0].message).toBe(problem)
  })
})

describe('picks', () => {
  const product = (_id: string, categoryId: string, sortOrder: number, onShelf = true) => ({ _id, categoryId, sortOrder, onShelf })
  const catalog = [product('longjing', 'green', 2), product('biluochun', 'green', 1), product('dianhong', 'black', 3), product('pu-er', 'dark', 4), product('baicha', 'white', 0, false)]

  it.each<[ShopPicks, string, boolean]>([
    [{ mode: 'all' }, 'pu-er', true],
    [{ mode: 'categories', categoryIds: ['green'] }, 'longjing', true],
    [{ mode: 'categories', categoryIds: ['green'] }, 'dianhong', false],
    [{ mode: 'products', productIds: ['dianhong'] }, 'dianhong', true],
    [{ mode: 'products', productIds: ['dianhong'] }, 'longjing', false],
    // A pick outlives HQ taking the product off the shelf.
    [{ mode: 'products', productIds: ['baicha'] }, 'baicha', true],
  ])('%j picks %s: %s', (picks, id, picked) => {
    expect(isPicked(picks, catalog.find((p) => p._id === id)!)).toBe(picked)
  })

  it.each<[ShopPicks, string[]]>([
    [{ mode: 'all' }, ['biluochun', 'longjing', 'dianhong', 'pu-er']],
    [{ mode: 'categories', categoryIds: ['black', 'green'] }, ['dianhong', 'biluochun', 'longjing']],
    [{ mode: 'products', productIds: ['pu-er', 'baicha', 'longjing'] }, ['pu-er', 'longjing']],
  ])('the shop home shows %j in the shop’s order, without what is off the shelf: %j', (picks, ids) => {
    expect(arrangePicks(picks, catalog).map((p) => p._id)).toEqual(ids)
  })
})
