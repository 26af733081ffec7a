import { createBlocker } from './blocker/blocker'
import { createConsentWith } from './consent'
import type { Consent, ConsentConfig, Feature } from './types'

/**
 * The headless SDK: store, stored decision and tag-blocker (gated markup, withdrawal
 * clean-up); no UI. Draw your own on the `banner` and `settings` events. `extras` are
 * optional parts, started in order before the blocker (`block` rules, iframe placeholders,
 * integrations).
 */
export function createConsent(config?: ConsentConfig, extras: Feature[] = []): Consent {
  return createConsentWith(config, [...extras, createBlocker])
}

export type * from './types'
