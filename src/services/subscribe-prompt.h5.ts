import type { PersonaSource } from './cloud'
import type { SubscribePrompt } from './subscriptions'

/**
 * H5 only: there is no requestSubscribeMessage in the browser, so the signed-in persona accepts, and
 * the local cloud (playing WeChat) keeps the acceptance, exactly as WeChat would have after 允许.
 */
export const createSubscribePrompt = (personas: PersonaSource | null): SubscribePrompt => ({
  async ask(tmplIds) {
    const persona = personas?.personaKey
    if (!persona) return {}
    try {
      const response = await fetch('/dev/subscribe', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Everyshop-Persona': persona },
        body: JSON.stringify({ tmplIds }),
      })
      if (!response.ok) return {}
      const { errMsg: _ok, ...answers } = (await response.json()) as Record<string, string>
      return answers
    } catch {
      return {}
    }
  },
})
