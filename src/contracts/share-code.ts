import { z } from 'zod'
import { isShareCode } from '../core/share-code'

/** A share code in a function's payload; the message is the code the client has words for. */
export const shareCodeInput = z.string().trim().toLowerCase().refine(isShareCode, 'SHARE_CODE_INVALID')
