import { reaction } from 'mobx'
import { createContext, createElement, useContext, type PropsWithChildren } from 'react'
import type { CloudClient } from '../services/cloud'
import { createCloudClient } from '../services/cloud-client'
import { createFileService } from '../services/cloud-files'
import type { FileService } from '../services/files'
import { PaymentService, type PaymentSheet } from '../services/payment'
import { createPaymentSheet } from '../services/payment-sheet'
import { createSubscribePrompt } from '../services/subscribe-prompt'
import { SubscriptionService, type SubscribePrompt } from '../services/subscriptions'
import type { TransferSheet } from '../services/transfer'
import { createTransferSheet } from '../services/transfer-sheet'
import { AddressStore } from './address-store'
import { CartStore } from './cart-store'
import { CatalogStore } from './catalog-store'
import { CommissionStore } from './commission-store'
import { createSession } from './dev-session'
import { HqFilesStore } from './hq-files-store'
import { FavoritesStore } from './favorites-store'
import { HqStore } from './hq-store'
import { MemberStore } from './member-store'
import { MyShopStore } from './my-shop-store'
import { OrderStore } from './order-store'
import { ProfileStore } from './profile-store'
import { ReferralStore } from './referral-store'
import { SearchStore } from './search-store'
import type { SessionStore } from './session-store'
import { ShopHomeStore } from './shop-home-store'

export class RootStore {
  readonly catalog: CatalogStore
  readonly profile: ProfileStore
  readonly cart: CartStore
  readonly addresses: AddressStore
  readonly orders: OrderStore
  readonly referral: ReferralStore
  readonly shopHomes: ShopHomeStore
  readonly myShop: MyShopStore
  readonly hq: HqStore
  readonly hqFiles: HqFilesStore
  readonly commission: CommissionStore
  readonly favorites: FavoritesStore
  readonly search: SearchStore
  /** Subscription messages: asked for in the taps after which the shop has news to send. */
  readonly subscriptions: SubscriptionService
  readonly member: MemberStore

  /**
   * `session` is null in WeChat, where the caller is whoever opened the mini program. `cloud` and
   * `files` are kept for the stores a subpackage makes for itself (HQ's catalog), which stay out of
   * the main package.
   */
  constructor(
    readonly cloud: CloudClient,
    paymentSheet: PaymentSheet,
    transferSheet: TransferSheet,
    readonly files: FileService,
    subscribePrompt: SubscribePrompt,
    readonly session: SessionStore | null,
  ) {
    this.catalog = new CatalogStore(cloud)
    this.profile = new ProfileStore(cloud)
    this.cart = new CartStore(cloud)
    this.addresses = new AddressStore(cloud)
    this.orders = new OrderStore(cloud, new PaymentService(cloud, paymentSheet), this.cart)
    this.referral = new ReferralStore(cloud)
    this.shopHomes = new ShopHomeStore(cloud)
    this.myShop = new MyShopStore(cloud)
    this.hq = new HqStore(cloud)
    this.hqFiles = new HqFilesStore(cloud, files)
    this.commission = new CommissionStore(cloud, transferSheet)
    this.favorites = new FavoritesStore(cloud)
    this.search = new SearchStore(cloud)
    this.subscriptions = new SubscriptionService(cloud, subscribePrompt)
    this.member = new MemberStore(cloud)
  }

  /** H5: another persona is the caller now, so the cart, addresses, orders, shop, HQ's views, commission and favourites shown were someone else's. */
  forgetCaller(): void {
    this.cart.reset()
    void this.cart.load()
    this.addresses.reset()
    this.orders.reset()
    this.referral.forgetCaller()
    this.myShop.reset()
    this.hq.reset()
    this.hqFiles.reset()
    this.commission.reset()
    this.favorites.reset()
    this.member.reset()
  }
}

export function createRootStore(): RootStore {
  const session = createSession()
  const root = new RootStore(createCloudClient(session), createPaymentSheet(), createTransferSheet(), createFileService(session), createSubscribePrompt(session), session)
  if (session) reaction(() => session.personaKey, () => root.forgetCaller())
  return root
}

const StoreContext = createContext<RootStore | null>(null)

export function StoreProvider({ store, children }: PropsWithChildren<{ store: RootStore }>) {
  return createElement(StoreContext.Provider, { value: store }, children)
}

export function useStores(): RootStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useStores() needs a <StoreProvider> above it')
  return store
}
