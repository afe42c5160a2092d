// Taro resolves `./subscribe-prompt` to subscribe-prompt.weapp.ts or subscribe-prompt.h5.ts at build
// time, so the H5 stand-in (and its /dev request) never ships in the mini program.
import type { PersonaSource } from './cloud'
import type { SubscribePrompt } from './subscriptions'

export declare const createSubscribePrompt: (personas: PersonaSource | null) => SubscribePrompt
