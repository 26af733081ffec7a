import type { Consent, Internals } from '../types'

/**
 * Carries a decision to the site's other open tabs: the stored value goes over a
 * BroadcastChannel, and a tab that comes back into view re-reads the cookie (which
 * also covers browsers without BroadcastChannel).
 */
export function createTabSync(consent: Consent, internals: Internals): () => void {
  const name = 'consentry:' + consent.config.cookie.name
  let received: string | undefined | null = null
  const channel = typeof BroadcastChannel == 'function' ? new BroadcastChannel(name) : undefined
  if (channel)
    channel.onmessage = (event: MessageEvent) => {
      const value: unknown = event.data
      received = typeof value == 'string' ? value : undefined
      internals.sync(received)
    }
  const unbind = consent.on('change', () => {
    const value = internals.stored()
    if (value !== received) channel?.postMessage(value ?? null)
    received = null
  })
  const onVisible = () => document.visibilityState == 'visible' && internals.sync(internals.stored())
  document.addEventListener('visibilitychange', onVisible)
  return () => {
    unbind()
    channel?.close()
    document.removeEventListener('visibilitychange', onVisible)
  }
}
