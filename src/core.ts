import { createBlocker } from './blocker/blocker'
import { createConsentWith } from './consent'
import type { Consent, ConsentConfig, Feature } from './types'

/**
 * The headless SDK: store, stored decision and tag-blocker (gated markup, withdrawal
 * clean-up); no UI. Draw your own on the `banner` and `settings` events. `extras` are
 * optional parts (`consentry/parts`) or your own features, started in order before the blocker.
 */
export function createConsent(config?: ConsentConfig, extras: Feature[] = []): Consent {
  // The extras first: the blocker reads the hooks its parts lend it (`BlockerHooks`) when it starts.
  return createConsentWith(config, [...extras, createBlocker])
}

export type {
  BlockedEntry,
  Category,
  CategoryConfig,
  Choices,
  Consent,
  ConsentConfig,
  ConsentEvents,
  ConsentKey,
  ConsentRecord,
  CookieConfig,
  DeepPartial,
  Feature,
  GoogleConsentModeConfig,
  Messages,
  Method,
  NormalizedConfig,
  Rules,
} from './types'
