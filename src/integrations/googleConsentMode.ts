import type { Choices, Consent } from '../types'

/** Which Google consent types each category stands for. */
const MAPPING = {
  analytics: ['analytics_storage'],
  marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
  personalization: ['personalization_storage', 'functionality_storage'],
}

/**
 * Google Consent Mode v2, basic mode: a `default` with everything denied but
 * `security_storage`, queued before any gated tag runs, then an `update` for the stored
 * decision and for every change, each followed by a `consentry_update` dataLayer event.
 */
export function googleConsentMode(consent: Consent): (() => void) | void {
  const options = consent.config.googleConsentMode
  if (!options) return
  // Both sides hold arrays only: `mapping` is checked as an object of string arrays (normalize.ts).
  const mapping: Record<string, string[] | undefined> = { ...MAPPING, ...options.mapping }
  const host = window as { dataLayer?: unknown[]; gtag?: (...args: unknown[]) => void }
  const dataLayer = (host.dataLayer ||= [])
  // gtag.js reads `arguments` objects from the dataLayer, not arrays.
  const gtag = (host.gtag ||= function () {
    dataLayer.push(arguments)
  })
  // A type that several categories claim is granted only while all of them are.
  const state = (choices?: Choices) => {
    const out: Record<string, unknown> = { security_storage: 'granted' }
    for (const category in mapping)
      for (const type of mapping[category]!)
        out[type] = out[type] != 'denied' && choices && choices[category] ? 'granted' : 'denied'
    return out
  }
  const update = (choices: Choices) => {
    gtag('consent', 'update', state(choices))
    dataLayer.push({ event: 'consentry_update', consentry: { ...choices } })
  }
  gtag('consent', 'default', { ...state(), ...(options.waitForUpdate && { wait_for_update: options.waitForUpdate }) })
  if (consent.decided) update(consent.get())
  return consent.on('change', update)
}
