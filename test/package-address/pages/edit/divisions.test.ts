import { describe, expect, it } from 'vitest'
import { DIVISIONS, regionTree, type Division } from '../../../../src/package-address/pages/edit/divisions'

const named = (list: Division[], name: string) => list.find((d) => d.name === name)!
const path = (...names: string[]) => names.reduce<Division[]>((list, name) => named(list, name).children, DIVISIONS)

describe('the H5 region picker offers the official division list as 省 → 市 → 区', () => {
  it('has every province-level division, 34 of them', () => {
    expect(DIVISIONS).toHaveLength(34)
    expect(DIVISIONS.map((d) => d.name)).toEqual(expect.arrayContaining(['北京市', '浙江省', '新疆维吾尔自治区', '香港特别行政区', '台湾省']))
  })

  it('a province lists its cities, a city its districts', () => {
    expect(path('浙江省', '杭州市').map((d) => d.name)).toContain('西湖区')
    expect(path('广东省', '广州市').map((d) => d.name)).toContain('天河区')
  })

  it('a municipality is its own city, as WeChat’s region picker gives it', () => {
    expect(path('北京市').map((d) => d.name)).toEqual(['北京市'])
    expect(path('北京市', '北京市').map((d) => d.name)).toContain('朝阳区')
    expect(path('重庆市', '重庆市').map((d) => d.name)).toContain('渝中区')
  })

  it('a county-level city the province runs directly is a city with no district, not the list’s holder', () => {
    expect(named(path('河南省'), '济源市').children).toEqual([])
    expect(path('湖北省').map((d) => d.name)).toEqual(expect.arrayContaining(['仙桃市', '神农架林区']))
    const names = JSON.stringify(DIVISIONS)
    expect(names).not.toMatch(/直辖县级行政区划/)
  })

  it('shapes the package’s compact entries', () => {
    const tree = regionTree([
      { n: '某省', d: [{ n: '某市', d: [{ n: '某区', a: '01' }] }, { n: '某省-省直辖县级行政区划', d: [{ n: '某县级市', a: '01' }] }] },
      { n: '某直辖市', d: [{ n: '甲区', a: '01' }] },
    ])
    expect(tree).toEqual([
      { name: '某省', children: [{ name: '某市', children: [{ name: '某区', children: [] }] }, { name: '某县级市', children: [] }] },
      { name: '某直辖市', children: [{ name: '某直辖市', children: [{ name: '甲区', children: [] }] }] },
    ])
  })
})
