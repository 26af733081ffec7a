import { createBlocker } from './blocker/blocker'
import { blockRules } from './blocker/blockRules'
import { guardStorage } from './blocker/guardStorage'
import { placeholders } from './blocker/placeholders'
import type { Part } from './internals'
import { consentRecords } from './integrations/consentRecords'
import { googleConsentMode } from './integrations/googleConsentMode'
import { tabSync } from './integrations/tabSync'

/**
 * The parts the full SDK runs, in start order: the storage guard before anything could store,
 * Google's consent default queued before the blocker lets any gated tag run, and the blocker's
 * own parts lending it their hooks before it starts.
 */
export const fullFeatures: Part[] = [guardStorage, googleConsentMode, blockRules, placeholders, createBlocker, tabSync, consentRecords]
