import { shortHash } from '../hash'
import { afterPaint } from '../afterPaint'
import { getMessages } from '../i18n/getMessages'
import type { Consent } from '../types'

/**
 * Sends each decision to `recordEndpoint` as JSON: the `record()` fields plus `textsHash`,
 * a hash of the texts the visitor was shown (`getMessages`, as the UI shows them). The body
 * goes as text/plain, a CORS-safelisted type, so an endpoint on another origin needs no
 * preflight; `fetch` with `keepalive` steps in where `sendBeacon` is missing or refuses.
 */
export function consentRecords(consent: Consent): (() => void) | undefined {
  const url = consent.config.recordEndpoint
  if (!url) return
  return consent.on('change', (_choices, _previous, record) => {
    if (!record) return
    // After the next paint, so the click shows the decision first; or as the page leaves, if it
    // leaves before then (`afterPaint` runs it once, whichever comes first).
    afterPaint(() => {
      const body = JSON.stringify({ ...record, textsHash: shortHash(JSON.stringify(getMessages(consent))) })
      try {
        if (navigator.sendBeacon(url, body)) return
      } catch {}
      fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {})
    })
  })
}
