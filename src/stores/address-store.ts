import { makeAutoObservable, runInAction } from 'mobx'
import { addressFunction } from '../contracts/functions'
import type { Address, AddressInput } from '../core/address'
import type { CloudClient } from '../services/cloud'
import { attempt, attemptWhileBusy, IDLE, refresh, type LoadState, type Outcome } from './load-state'

/** The buyer's address book (default first, as the server lists it) and the address chosen for checkout. */
export class AddressStore {
  addresses: LoadState<Address[]> = IDLE
  /** Picked in the address book for the order being checked out; the default one when not set. */
  chosenId: string | null = null
  /** Address ids with a change in flight. */
  changing = new Set<string>()
  saving = false

  constructor(private readonly cloud: CloudClient) {
    makeAutoObservable<AddressStore, 'cloud'>(this, { cloud: false })
  }

  /** Where the order will go: the chosen address while it still exists, else the default, else none. */
  get forCheckout(): Address | null {
    if (this.addresses.status !== 'ready') return null
    const items = this.addresses.data
    return items.find((a) => a._id === this.chosenId) ?? items.find((a) => a.isDefault) ?? items[0] ?? null
  }

  byId(addressId: string): Address | undefined {
    return this.addresses.status === 'ready' ? this.addresses.data.find((a) => a._id === addressId) : undefined
  }

  load(): Promise<void> {
    return refresh(
      this.addresses,
      () => this.cloud.call(addressFunction, 'listAddresses', {}).then((answer) => answer.items),
      (state) => { this.addresses = state },
    )
  }

  reset(): void {
    this.addresses = IDLE
    this.chosenId = null
  }

  choose(addressId: string): void {
    this.chosenId = addressId
  }

  /** Adds (no id) or edits an address; the book is reloaded so the default moves where the server put it. */
  save(address: AddressInput, addressId?: string): Promise<Outcome<Address>> {
    return attemptWhileBusy(
      (inFlight) => { this.saving = inFlight },
      () => this.cloud.call(addressFunction, 'saveAddress', addressId ? { addressId, address } : { address }),
      () => this.load(),
    )
  }

  setDefault(address: Address): Promise<Outcome<Address>> {
    return this.changeOne(address._id, () =>
      this.cloud.call(addressFunction, 'saveAddress', { addressId: address._id, address: { ...inputOf(address), isDefault: true } }),
    )
  }

  remove(addressId: string): Promise<Outcome<unknown>> {
    return this.changeOne(addressId, () => this.cloud.call(addressFunction, 'deleteAddress', { addressId }))
  }

  private async changeOne<T>(addressId: string, request: () => Promise<T>): Promise<Outcome<T>> {
    this.changing.add(addressId)
    const outcome = await attempt(request)
    if (outcome.ok) await this.load()
    runInAction(() => this.changing.delete(addressId))
    return outcome
  }
}

/** The editable fields of a stored address, as saveAddress takes them. */
export function inputOf(address: Address): AddressInput {
  const { name, phone, province, city, district, detail, isDefault } = address
  return { name, phone, province, city, district, detail, isDefault }
}
