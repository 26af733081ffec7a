import type { Consent } from '../types'
import { rulesOf } from './rulesOf'
import { toTest } from './patterns'
import { cookieVariants } from './cookieVariants'

/**
 * Deletes the `cookies` and `storage` entries of every refused category and
 * service: on withdrawal, and at start for what scripts wrote between a
 * withdrawal and the reload. The SDK's own cookie is never touched; HttpOnly
 * cookies are out of reach of any script.
 */
export function sweep(consent: Consent): void {
  const cookies: ((name: string) => boolean)[] = []
  const storage: ((key: string) => boolean)[] = []
  for (const [key, rules] of rulesOf(consent.config)) {
    if (consent.has(key)) continue
    for (const name of rules.cookies || []) cookies.push(toTest(name, true))
    for (const name of rules.storage || []) storage.push(toTest(name, true))
  }
  const matches = (tests: ((name: string) => boolean)[], name: string): boolean => tests.some((test) => test(name))
  const secure = location.protocol == 'https:' ? ';secure' : ''
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim()
    if (name != consent.config.cookie.name && matches(cookies, name)) {
      for (const variant of cookieVariants(location.hostname, location.pathname)) {
        document.cookie = name + '=;max-age=0' + variant + secure
      }
    }
  }
  for (const area of ['localStorage', 'sessionStorage'] as const) {
    try {
      const store = window[area]
      for (const key of Object.keys(store)) if (matches(storage, key)) store.removeItem(key)
    } catch {
      // Storage can be disabled or sandboxed; there is nothing to delete then.
    }
  }
}
