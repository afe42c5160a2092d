import { makeAutoObservable, reaction, runInAction } from 'mobx'
import type { PayloadOf } from '../contracts/contract'
import { hqMarketingFunction } from '../contracts/functions'
import type { hqMarketingContract } from '../contracts/hq-marketing'
import type { CouponTemplate } from '../core/coupon'
import type { CloudClient } from '../services/cloud'
import { useStores, type RootStore } from '../stores'
import { attempt, type Outcome } from '../stores/load-state'
import { PagedList } from '../stores/paged-list'

export type CouponTemplatePayload = PayloadOf<typeof hqMarketingContract, 'createCouponTemplate'>

/** HQ's coupon templates (the `hq-marketing` function): newest first; create one, stop one. */
export class HqMarketingStore {
  templates: PagedList<CouponTemplate>
  saving = false

  constructor(private readonly cloud: CloudClient) {
    this.templates = this.list()
    makeAutoObservable<HqMarketingStore, 'cloud'>(this, { cloud: false, templates: false })
  }

  private list(): PagedList<CouponTemplate> {
    return new PagedList((page, pageSize) => this.cloud.call(hqMarketingFunction, 'listCouponTemplates', { page, pageSize }))
  }

  create(template: CouponTemplatePayload): Promise<Outcome<CouponTemplate>> {
    return this.change(() => this.cloud.call(hqMarketingFunction, 'createCouponTemplate', template))
  }

  stop(templateId: string): Promise<Outcome<CouponTemplate>> {
    return this.change(() => this.cloud.call(hqMarketingFunction, 'stopCouponTemplate', { templateId }))
  }

  private async change(request: () => Promise<CouponTemplate>): Promise<Outcome<CouponTemplate>> {
    this.saving = true
    const outcome = await attempt(request)
    runInAction(() => { this.saving = false })
    if (outcome.ok) await this.templates.refresh()
    return outcome
  }

  reset(): void {
    this.templates = this.list()
  }
}

let shared: HqMarketingStore | undefined

/** Made the first time an HQ page asks, in package-hq; forgets what it showed when another persona signs in (H5). */
export function useHqMarketing(): HqMarketingStore {
  const root = useStores()
  shared ??= createStore(root)
  return shared
}

function createStore(root: RootStore): HqMarketingStore {
  const store = new HqMarketingStore(root.cloud)
  const { session } = root
  if (session) reaction(() => session.personaKey, () => store.reset())
  return store
}
