import Taro from '@tarojs/taro'
import { makeAutoObservable } from 'mobx'
import type { PersonaSource } from '../services/cloud'
import type { Persona, PersonaDirectory } from '../services/dev-personas'
import { IDLE, track, type LoadState } from './load-state'

const STORAGE_KEY = 'everyshop.persona'

/** H5 only: the development persona the local cloud treats as the caller. Survives reloads. */
export class SessionStore implements PersonaSource {
  persona: Persona | null = readStoredPersona()
  personas: LoadState<Persona[]> = IDLE

  constructor(private readonly directory: PersonaDirectory) {
    makeAutoObservable<SessionStore, 'directory'>(this, { directory: false })
  }

  get personaKey(): string | null {
    return this.persona?.key ?? null
  }

  loadPersonas(): Promise<void> {
    return track(() => this.directory.list(), (state) => { this.personas = state })
  }

  choosePersona(persona: Persona): void {
    this.persona = persona
    Taro.setStorageSync(STORAGE_KEY, persona)
  }
}

function readStoredPersona(): Persona | null {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY)
  return typeof stored === 'object' && stored !== null && 'key' in stored ? (stored as Persona) : null
}
