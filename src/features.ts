import { createBlocker } from './blocker/blocker'
import { guardStorage } from './blocker/guardStorage'
import { interceptBlockRules } from './blocker/interceptBlockRules'
import { placeholders } from './blocker/placeholders'
import { createGoogleConsentMode } from './integrations/googleConsentMode'
import { createRecordSender } from './integrations/recordSender'
import { createTabSync } from './integrations/tabs'
import type { Consent, Feature } from './types'

/**
 * The features the full SDK runs, in start order: the storage guard before anything could
 * store, Google's consent default queued before the blocker lets any gated tag run, and the
 * blocker's optional parts before it, to lend it what they do.
 */
export const fullFeatures = (texts: (consent: Consent) => unknown): Feature[] => [
  guardStorage,
  createGoogleConsentMode,
  interceptBlockRules,
  placeholders,
  createBlocker,
  createTabSync,
  createRecordSender(texts),
]
