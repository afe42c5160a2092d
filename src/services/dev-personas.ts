// H5 only: the local cloud's development sign-in. Use localCloudPersonas only inside a
// `process.env.TARO_ENV === 'h5'` branch, so the weapp build drops it with the dead branch.
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
