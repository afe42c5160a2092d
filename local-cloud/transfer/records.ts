import type { Doc } from '../database/indexes'
import type { Store } from '../database/store'

/** Kept in the local cloud's own store, so transfers survive restarts like payments do. */
export const BILLS = '_local_transfer_bills'

/** WeChat Pay's transfer bill states. SUCCESS, FAIL and CANCELLED are final. */
export type BillState = 'ACCEPTED' | 'PROCESSING' | 'WAIT_USER_CONFIRM' | 'TRANSFERING' | 'SUCCESS' | 'FAIL' | 'CANCELING' | 'CANCELLED'

export const FINAL_STATES: BillState[] = ['SUCCESS', 'FAIL', 'CANCELLED']

export interface ReportInfo {
  info_type: string
  info_content: string
}

/** What the merchant asked for: compared field by field when the same out_bill_no comes again. */
export interface BillRequest {
  appid: string
  out_bill_no: string
  transfer_scene_id: string
  openid: string
  transfer_amount: number
  transfer_remark: string
  transfer_scene_report_infos: ReportInfo[]
  notify_url?: string
  /** The decrypted real name (the request carries it RSA-encrypted, differently every time). */
  user_name?: string
}

/** A transfer bill as WeChat Pay keeps it; `_id` is the merchant's out_bill_no. */
export interface TransferBill {
  _id: string
  mchId: string
  request: BillRequest
  transferBillNo: string
  packageInfo: string
  state: BillState
  failReason?: string
  /** How the transfer ends once confirmed: FAIL with this reason when a fault said so, SUCCESS otherwise. */
  failsWith?: string
  createdAt: Date
  updatedAt: Date
}

/** Transfer bills in the store. Documents read here are shared with the store: copy, never mutate. */
export class TransferRecords {
  constructor(private readonly store: Store) {}

  async open(): Promise<void> {
    if (!this.store.hasCollection(BILLS)) await this.store.createCollection(BILLS)
    this.store.ensureIndex(BILLS, { name: 'packageInfo', fields: { packageInfo: 1 }, unique: true })
  }

  bill(outBillNo: string): TransferBill | undefined {
    return this.store.get(BILLS, outBillNo) as TransferBill | undefined
  }

  byPackage(packageInfo: string): TransferBill | undefined {
    const docs = [...this.store.candidates(BILLS, { packageInfo }).docs] as unknown as TransferBill[]
    return docs.find((bill) => bill.packageInfo === packageInfo)
  }

  /** Bills not yet final: their timers (expiry, settling) are set again after a restart. */
  unfinished(): TransferBill[] {
    return ([...this.store.scan(BILLS)] as unknown as TransferBill[]).filter((bill) => !FINAL_STATES.includes(bill.state))
  }

  /** Visible at once (a read then a save with no await between is atomic); resolves once durable. */
  async save(bill: TransferBill): Promise<void> {
    await this.store.commit([{ collection: BILLS, id: bill._id, doc: bill as unknown as Doc }])
  }
}
