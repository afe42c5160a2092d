// H5 only: the local cloud's development sign-in. Only H5 files (stores/dev-session.h5.ts) import
// localCloudPersonas, so the weapp build never reaches it.
import type { Role } from '../core/user'
import { CloudError } from './cloud'

export interface Persona {
  key: string
  name: string
  role: Role
  description: string
}

export interface PersonaDirectory {
  list(): Promise<Persona[]>
}

export const localCloudPersonas: PersonaDirectory = {
  async list() {
    let answer: { personas: Persona[] }
    try {
      const response = await fetch('/dev/personas')
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      answer = await response.json()
    } catch (error) {
      throw new CloudError('NETWORK_ERROR', undefined, { cause: error })
    }
    return answer.personas
  },
}
