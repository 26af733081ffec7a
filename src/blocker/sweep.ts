import Cookies from 'js-cookie'
import type { Consent } from '../types'
import { cookieVariants } from './cookieVariants'
import { patternsOf } from './patterns'

/**
 * Deletes the `cookies` and `storage` entries (storage keys and IndexedDB databases) of
 * every refused category and service: on withdrawal, and at start for what scripts wrote between a
 * withdrawal and the reload. The SDK's own cookie is never touched; HttpOnly
 * cookies are out of reach of any script. Never throws: what it cannot reach stays.
 */
export function sweep(consent: Consent): void {
  // Reading `document.cookie` or opening a storage area is a synchronous trip to the browser
  // process (milliseconds on a first visit): each happens only when a refused rule could match.
  const refused = (field: 'cookies' | 'storage'): ((name: string) => boolean) | undefined => {
    const tests = patternsOf(consent.config, field, true).filter(([key]) => !consent.has(key))
    if (!tests.length) return undefined
    return (name) => tests.some(([, test]) => test(name))
  }
  try {
    const cookie = refused('cookies')
    const stored = refused('storage')
    if (cookie) {
      // Deletions through js-cookie, configured as the page is served: a cookie that was set
      // Secure can only be replaced over https (RFC 6265bis §5.7).
      const cookies = Cookies.withAttributes({ secure: location.protocol == 'https:' })
      for (const name of Object.keys(cookies.get()))
        if (name != consent.config.cookie.name && cookie(name))
          for (const place of cookieVariants(location.hostname, location.pathname)) cookies.remove(name, place)
    }
    if (stored) {
      for (const area of ['localStorage', 'sessionStorage'] as const)
        try {
          const store = window[area]
          for (const key of Object.keys(store)) if (stored(key)) store.removeItem(key)
        } catch {
          // Storage can be disabled or sandboxed; there is nothing to delete then.
        }
      // IndexedDB databases by name, where the browser lists them (not jsdom, older Firefox).
      window.indexedDB?.databases?.().then(
        (found) => found.forEach(({ name }) => name && stored(name) && indexedDB.deleteDatabase(name)),
        () => {},
      )
    }
  } catch {}
}
