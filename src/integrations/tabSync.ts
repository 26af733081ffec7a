import { afterPaint } from '../afterPaint'
import { withdraws } from '../store/choices'
import type { Internals } from '../internals'
import type { Consent } from '../types'

/**
 * Carries a decision to the site's other open tabs: the stored value goes over a
 * BroadcastChannel, and a tab that comes back into view re-reads the cookie (which
 * also covers browsers without BroadcastChannel).
 */
export function tabSync(consent: Consent, internals: Internals): () => void {
  // The value last heard from another tab: not sent back, so two tabs do not echo each other.
  let received: string | undefined | null = null
  const channel =
    typeof BroadcastChannel == 'function' ? new BroadcastChannel('consentry:' + consent.config.cookie.name) : undefined
  if (channel)
    channel.onmessage = (event) => {
      received = typeof event.data == 'string' ? event.data : undefined
      internals.sync(received)
    }
  let live = true
  const unbind = consent.on('change', (choices, previous) => {
    const echo = received
    received = null
    const post = () => {
      const value = internals.stored()
      if (live && value !== echo) channel?.postMessage(value ?? null)
    }
    // A withdrawal is told at once: this tab may reload before its next paint, and the others must
    // stop what they run. Anything else after the next paint (a cookie read and a post are trips
    // to the browser process).
    if (withdraws(previous, choices)) post()
    else afterPaint(post)
  })
  const onVisible = () => {
    if (document.visibilityState == 'visible') internals.sync(internals.stored())
  }
  document.addEventListener('visibilitychange', onVisible)
  return () => {
    live = false
    unbind()
    channel?.close()
    document.removeEventListener('visibilitychange', onVisible)
  }
}
