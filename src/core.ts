import { createBlocker } from './blocker/blocker'
import { createConsentWith } from './consent'
import type { Consent, ConsentConfig } from './types'

/** The headless SDK: store, stored decision and tag-blocker; no UI. Draw your own on the `banner` and `settings` events. */
export function createConsent(config?: ConsentConfig): Consent {
  return createConsentWith(config, [createBlocker])
}

export type * from './types'
