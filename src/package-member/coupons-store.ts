import { makeAutoObservable, reaction, runInAction } from 'mobx'
import type { CouponCard, MyCoupon } from '../contracts/coupons'
import { couponsFunction } from '../contracts/functions'
import type { CouponState } from '../core/coupon'
import type { CloudClient } from '../services/cloud'
import { useStores, type RootStore } from '../stores'
import { IDLE, attempt, refresh, type LoadState, type Outcome } from '../stores/load-state'
import { PagedList } from '../stores/paged-list'

/**
 * The shopper's coupons (the `coupons` function): the coupon centre, claiming, and 我的优惠券 by tab.
 * A claim answers with the coupon; the centre is read again so 剩余 and 已领 are the server's.
 */
export class CouponsStore {
  centre: LoadState<CouponCard[]> = IDLE
  /** Templates with a claim in flight: a second tap waits for the first. */
  claiming = new Set<string>()
  private readonly tabs = new Map<CouponState, PagedList<MyCoupon>>()

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<CouponsStore, 'cloud' | 'tabs'>(this, { cloud: false, tabs: false })
  }

  /** The claimable coupons; with a product, those that count it (the product page's 领券). */
  loadCentre(productId?: string): Promise<void> {
    return refresh(this.centre, () => this.cloud.call(couponsFunction, 'couponCentre', productId ? { productId } : {}), (state) => { this.centre = state })
  }

  async claim(templateId: string, productId?: string): Promise<Outcome<MyCoupon>> {
    this.claiming.add(templateId)
    const claimed = await attempt(() => this.cloud.call(couponsFunction, 'claimCoupon', { templateId }))
    runInAction(() => this.claiming.delete(templateId))
    void this.tabs.get('unused')?.refresh()
    await this.loadCentre(productId)
    return claimed
  }

  /** A tab of 我的优惠券, created on first use. */
  mine(state: CouponState): PagedList<MyCoupon> {
    let list = this.tabs.get(state)
    if (!list) {
      list = new PagedList((page, pageSize) => this.cloud.call(couponsFunction, 'myCoupons', { state, page, pageSize }))
      this.tabs.set(state, list)
    }
    return list
  }

  /** H5: another persona is the caller now. */
  reset(): void {
    this.centre = IDLE
    this.tabs.clear()
  }
}

let shared: CouponsStore | undefined

/** The coupons store, made the first time a member page asks: it lives in package-member, out of the main package. */
export function useCoupons(): CouponsStore {
  const root = useStores()
  shared ??= createCouponsStore(root)
  return shared
}

function createCouponsStore(root: RootStore): CouponsStore {
  const store = new CouponsStore(root.cloud)
  const { session } = root
  if (session) reaction(() => session.personaKey, () => store.reset())
  return store
}
