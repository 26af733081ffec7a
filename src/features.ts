import { createBlocker } from './blocker/blocker'
import { blockRules } from './blocker/blockRules'
import { placeholders } from './blocker/placeholders'
import { storageGuard } from './blocker/storageGuard'
import type { Part } from './internals'
import { consentRecords } from './integrations/consentRecords'
import { googleConsentMode } from './integrations/googleConsentMode'
import { tabSync } from './integrations/tabSync'

/**
 * The parts the full SDK runs, in start order: the storage guard before anything could
 * store, Google's consent default queued before the blocker lets any gated tag run, and the
 * blocker's own parts before it, to lend it their hooks (`BlockerHooks`).
 */
export const fullFeatures: Part[] = [
  storageGuard,
  googleConsentMode,
  blockRules,
  placeholders,
  createBlocker,
  tabSync,
  consentRecords,
]
