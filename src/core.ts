import { createConsentWith } from './consent'
import { coreFeatures } from './features'
import type { Consent, ConsentConfig } from './types'

/**
 * The headless SDK: store, stored decision, tag-blocker and integrations; no UI. Draw
 * your own on the `banner` and `settings` events. Records hash the configured texts.
 */
export function createConsent(config?: ConsentConfig): Consent {
  return createConsentWith(config, coreFeatures((c) => c.config.translations[c.language] || {}))
}

export type * from './types'
