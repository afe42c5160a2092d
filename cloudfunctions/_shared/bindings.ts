import {
  AttributionRules,
  AttributionRulesInput,
  Binding,
  BindingChange,
  BindingHistoryEntry,
  DEFAULT_ATTRIBUTION_RULES,
  attributionRules,
  reviseAttributionRules,
} from '../../src/core/attribution'
import { Result, fail } from '../../src/core/result'
import { Transaction, _, db, inTransaction } from './database'
import { RulesKind, currentRules } from './versioned-rules'

const bindings = db.collection<Binding>('bindings')

/** The customer's binding (its id is the customer's openid), as it is now; null: never bound. */
export async function findBinding(customerOpenid: string): Promise<Binding | null> {
  return (await bindings.doc(customerOpenid).get()).data
}

/** The customer's binding inside a transaction, which writes it back: two changes at once conflict. */
export async function readBinding(tx: Transaction, customerOpenid: string): Promise<Binding | null> {
  return (await tx.collection<Binding>('bindings').doc(customerOpenid).get()).data
}

/**
 * Writes a binding and appends its history (oldest first), in the caller's transaction. `existed`:
 * whether the binding document was there when the transaction read it.
 */
export async function writeBinding(tx: Transaction, binding: Binding, history: BindingHistoryEntry[], existed: boolean): Promise<void> {
  const { _id, ...fields } = binding
  if (existed) await tx.collection<Binding>('bindings').doc(_id).set({ data: fields })
  else await tx.collection<Binding>('bindings').add({ data: binding })
  for (const entry of history) await tx.collection<BindingHistoryEntry>('binding_history').add({ data: entry })
}

export const ATTRIBUTION_RULES: RulesKind<AttributionRules, AttributionRulesInput> = {
  name: 'attributionRules',
  versions: 'attribution_rules',
  schema: attributionRules,
  defaults: DEFAULT_ATTRIBUTION_RULES,
  revise: reviseAttributionRules,
}

/** HQ's attribution rules as they are now (the defaults until HQ sets them). */
export const currentAttributionRules = (): Promise<AttributionRules> => currentRules(ATTRIBUTION_RULES)

/**
 * Changes one customer's binding in a transaction: `change` decides from the binding as it is, and
 * what it decides is written with its history; a refusal writes nothing. Served by the document id.
 */
export function changeBinding(customerOpenid: string, change: (binding: Binding) => Result<BindingChange>): Promise<Result<BindingChange>> {
  return inTransaction(async (tx) => {
    const binding = await readBinding(tx, customerOpenid)
    if (!binding) return fail('CUSTOMER_NOT_BOUND', { customerOpenid })
    const changed = change(binding)
    if (changed.ok && changed.data.history.length > 0) await writeBinding(tx, changed.data.binding, changed.data.history, true)
    return changed
  })
}

/**
 * The customers bound to a shop now (their binding active), in id order after `after`, one batch at
 * a time: a cursor, so a batch that could not all be moved does not stop the next. Served by the
 * shopId_status_boundAt index.
 */
export async function activeCustomersOf(shopId: string, after: string | null, limit: number): Promise<string[]> {
  const { data } = await bindings
    .where({ shopId, status: 'active', ...(after === null ? {} : { _id: _.gt(after) }) })
    .field({ _id: true })
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return data.map((binding) => binding._id)
}
