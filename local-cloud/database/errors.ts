/**
 * Errors the service answers with `{ code, message }`. The codes are the ones @cloudbase/database and
 * wx-server-sdk map to errCodes (TCB_ERR_CODE), so callers see what the real cloud would show.
 */
export class DatabaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const collectionNotExists = (name: string) =>
  new DatabaseError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}. collection not exists`)

export const collectionAlreadyExists = (name: string) =>
  new DatabaseError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`)

export const invalidParam = (message: string) => new DatabaseError('INVALID_PARAM', message)

export const updateFailed = (message: string) => new DatabaseError('DATABASE_REQUEST_FAILED', message)

export const duplicateKey = (collection: string, index: string, key: string) =>
  new DatabaseError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
  )

export const transactionConflict = () =>
  new DatabaseError('DATABASE_TRANSACTION_CONFLICT', 'Transaction is conflict, maybe resource deadlock.')

export const transactionNotExists = (id: string) =>
  new DatabaseError('DATABASE_TRANSACTION_FAIL', `transaction ${id} not exists or has ended`)

export const transactionExpired = () =>
  new DatabaseError('DATABASE_TRANSACTION_FAIL', 'transaction must be commit or abort in 30 seconds')
