import type { Consent } from '../types'

/**
 * Whether a `data-consent` value holds now: every `key` granted and every `!key`
 * refused. An empty value or a failing lookup answers false, so a mistake never
 * activates anything.
 */
export function allowed(consent: Consent, value: string): boolean {
  const keys = value.match(/\S+/g)
  try {
    return !!keys && keys.every((key) => consent.has(key.replace(/^!/, '')) != (key[0] == '!'))
  } catch {
    return false
  }
}
