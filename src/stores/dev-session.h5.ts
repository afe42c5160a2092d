import { localCloudPersonas } from '../services/dev-personas'
import { SessionStore } from './session-store'

export function createSession(): SessionStore {
  return new SessionStore(localCloudPersonas)
}
