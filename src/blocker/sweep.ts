import type { Consent } from '../types'
import { cookieVariants } from './cookieVariants'
import { patternsOf } from './patterns'

/**
 * Deletes the `cookies` and `storage` entries of every refused category and
 * service: on withdrawal, and at start for what scripts wrote between a
 * withdrawal and the reload. The SDK's own cookie is never touched; HttpOnly
 * cookies are out of reach of any script. Never throws: what it cannot reach stays.
 */
export function sweep(consent: Consent): void {
  // Reading `document.cookie` or opening a storage area is a synchronous trip to the browser
  // process (milliseconds on a first visit): each happens only when a refused rule could match.
  const refused = (field: 'cookies' | 'storage'): ((name: string) => boolean) | undefined => {
    const tests = patternsOf(consent.config, field, true).filter(([key]) => !consent.has(key))
    if (tests.length) return (name) => tests.some(([, test]) => test(name))
  }
  try {
    const cookie = refused('cookies')
    const stored = refused('storage')
    const secure = location.protocol == 'https:' ? ';secure' : ''
    if (cookie)
      for (const pair of document.cookie.split(';')) {
        const name = pair.split('=')[0]!.trim()
        if (name != consent.config.cookie.name && cookie(name))
          for (const variant of cookieVariants(location.hostname, location.pathname)) document.cookie = name + '=;max-age=0' + variant + secure
      }
    if (stored)
      for (const area of ['localStorage', 'sessionStorage'] as const)
        try {
          const store = window[area]
          for (const key of Object.keys(store)) if (stored(key)) store.removeItem(key)
        } catch {
          // Storage can be disabled or sandboxed; there is nothing to delete then.
        }
  } catch {}
}
