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

/** A query or pipeline that the database refuses while running it, with MongoDB's message. */
export const queryFailed = (message: string) => new DatabaseError('DATABASE_REQUEST_FAILED', message)

/**
 * An operator the database does not support. DATABASE_INVALID_OPERRATOR (the SDKs' spelling) is the
 * service's code for it; wx-server-sdk shows errCode -502002.
 */
export const unknownOperator = (message: string) => new DatabaseError('DATABASE_INVALID_OPERRATOR', message)

export const duplicateKey = (collection: string, index: string, key: string) =>
  new DatabaseError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${key}`,
  )

// The service's own wording (CloudBase's node-sdk tests assert these messages); wx-server-sdk wraps
// an in-transaction failure into a plain Error, so the bracketed tag is all a caller can recognise.
export const transactionConflict = () =>
  new DatabaseError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  )

export const transactionNotExists = () =>
  new DatabaseError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  )

/** A plain write that waited too long for a transaction to release a document. */
export const lockTimeout = () =>
  new DatabaseError('SERVER_TIMEOUT', '[ResourceUnavailable.LockTimeout] the document is locked by an open transaction; try again')
