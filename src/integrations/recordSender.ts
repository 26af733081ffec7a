import { shortHash } from '../hash'
import type { Consent } from '../types'

/**
 * Sends each decision to `recordEndpoint` as JSON: the `record()` fields plus `textsHash`,
 * a hash of the texts the visitor was shown. The body goes as text/plain, a CORS-safelisted
 * type, so an endpoint on another origin needs no preflight; `fetch` with `keepalive`
 * steps in where `sendBeacon` is missing or refuses.
 */
export function createRecordSender(texts: (consent: Consent) => unknown) {
  return (consent: Consent): (() => void) | void => {
    const url = consent.config.recordEndpoint
    if (!url) return
    return consent.on('change', (_choices, _previous, record) => {
      if (!record) return
      const body = JSON.stringify({ ...record, textsHash: shortHash(JSON.stringify(texts(consent))) })
      let sent = false
      try {
        sent = navigator.sendBeacon(url, body)
      } catch {}
      if (!sent) fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {})
    })
  }
}
