import { createBlocker } from './blocker/blocker'
import { createGoogleConsentMode } from './integrations/googleConsentMode'
import { createRecordSender } from './integrations/recordSender'
import { createTabSync } from './integrations/tabs'
import type { Consent, Feature } from './types'

/**
 * The features every instance runs, in start order: Google's consent default must be
 * queued before the blocker lets any gated tag run.
 */
export const coreFeatures = (texts: (consent: Consent) => unknown): Feature[] => [
  createGoogleConsentMode,
  createBlocker,
  createTabSync,
  createRecordSender(texts),
]
