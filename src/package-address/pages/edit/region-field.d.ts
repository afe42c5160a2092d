// Taro builds region-field.h5.tsx or region-field.weapp.tsx for `./region-field`; this declaration is
// what TypeScript sees, and what both platform files implement.
import type { ReactElement } from 'react'

export interface Region {
  province: string
  city: string
  district: string
}

export interface RegionFieldProps {
  value: Region
  onChange: (region: Region) => void
}

/** 所在地区: 省 / 市 / 区 as the platform lets the buyer give them. */
export declare function RegionField(props: RegionFieldProps): ReactElement
