import { makeAutoObservable, reaction, runInAction } from 'mobx'
import type { PayloadOf } from '../contracts/contract'
import { hqMarketingFunction } from '../contracts/functions'
import type { hqMarketingContract } from '../contracts/hq-marketing'
import type { Campaign } from '../core/campaign'
import type { CouponTemplate } from '../core/coupon'
import type { CloudClient } from '../services/cloud'
import { useStores, type RootStore } from '../stores'
import { IDLE, attempt, refresh, type LoadState, type Outcome } from '../stores/load-state'
import { PagedList } from '../stores/paged-list'

export type CampaignDraftPayload = PayloadOf<typeof hqMarketingContract, 'createCampaign'>['draft']
export type CouponTemplatePayload = PayloadOf<typeof hqMarketingContract, 'createCouponTemplate'>

/**
 * HQ's marketing (the `hq-marketing` function): the 限时折扣 campaigns, newest first, and the one
 * being edited — a change answers with the campaign, which replaces the one on screen and in the list;
 * and the coupon templates, newest first, listed again after a change.
 */
export class HqMarketingStore {
  campaigns: PagedList<Campaign>
  templates: PagedList<CouponTemplate>
  campaign: LoadState<Campaign> = IDLE
  /** A change in flight: its buttons wait for it. */
  saving = false

  constructor(private readonly cloud: CloudClient) {
    this.campaigns = this.campaignList()
    this.templates = this.templateList()
    makeAutoObservable<HqMarketingStore, 'cloud'>(this, { cloud: false, campaigns: false, templates: false })
  }

  /** H5: another persona is the caller now. */
  reset(): void {
    this.campaigns = this.campaignList()
    this.campaign = IDLE
    this.templates = this.templateList()
  }

  loadCampaign(campaignId: string): Promise<void> {
    return refresh(IDLE, () => this.cloud.call(hqMarketingFunction, 'getCampaign', { campaignId }), (state) => { this.campaign = state })
  }

  /** Creates (campaignId null) or changes a campaign. */
  save(campaignId: string | null, draft: CampaignDraftPayload): Promise<Outcome<Campaign>> {
    return this.run(() =>
      campaignId ? this.cloud.call(hqMarketingFunction, 'updateCampaign', { campaignId, draft }) : this.cloud.call(hqMarketingFunction, 'createCampaign', { draft }),
    )
  }

  /** 提前结束. */
  stop(campaignId: string): Promise<Outcome<Campaign>> {
    return this.run(() => this.cloud.call(hqMarketingFunction, 'stopCampaign', { campaignId }))
  }

  private async run(request: () => Promise<Campaign>): Promise<Outcome<Campaign>> {
    this.saving = true
    const outcome = await attempt(request)
    runInAction(() => {
      this.saving = false
      if (!outcome.ok) return
      this.campaign = { status: 'ready', data: outcome.data }
      this.campaigns.replace(outcome.data._id, outcome.data)
    })
    return outcome
  }

  createTemplate(template: CouponTemplatePayload): Promise<Outcome<CouponTemplate>> {
    return this.changeTemplate(() => this.cloud.call(hqMarketingFunction, 'createCouponTemplate', template))
  }

  /** Stops issuing the template; coupons already issued stay usable. */
  stopTemplate(templateId: string): Promise<Outcome<CouponTemplate>> {
    return this.changeTemplate(() => this.cloud.call(hqMarketingFunction, 'stopCouponTemplate', { templateId }))
  }

  private async changeTemplate(request: () => Promise<CouponTemplate>): Promise<Outcome<CouponTemplate>> {
    this.saving = true
    const outcome = await attempt(request)
    runInAction(() => { this.saving = false })
    if (outcome.ok) await this.templates.refresh()
    return outcome
  }

  private templateList(): PagedList<CouponTemplate> {
    return new PagedList((page, pageSize) => this.cloud.call(hqMarketingFunction, 'listCouponTemplates', { page, pageSize }))
  }

  private campaignList(): PagedList<Campaign> {
    return new PagedList((page, pageSize) => this.cloud.call(hqMarketingFunction, 'listCampaigns', { page, pageSize }))
  }
}

let shared: HqMarketingStore | undefined

/** Made the first time an HQ page asks: it lives in package-hq, so the main package carries none of it. */
export function useHqMarketing(): HqMarketingStore {
  const root = useStores()
  shared ??= createHqMarketingStore(root)
  return shared
}

function createHqMarketingStore(root: RootStore): HqMarketingStore {
  const store = new HqMarketingStore(root.cloud)
  const { session } = root
  if (session) reaction(() => session.personaKey, () => store.reset())
  return store
}
