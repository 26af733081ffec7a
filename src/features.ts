import { createBlocker } from './blocker/blocker'
import { blockRules } from './blocker/blockRules'
import { placeholders } from './blocker/placeholders'
import type { Part } from './internals'
import { consentRecords } from './integrations/consentRecords'
import { googleConsentMode } from './integrations/googleConsentMode'
import { tabSync } from './integrations/tabSync'

/**
 * The parts the full SDK runs, in start order: Google's consent default is queued before
 * the blocker lets any gated tag run, and the blocker's own parts lend it their hooks
 * before it starts.
 */
export const fullFeatures: Part[] = [googleConsentMode, blockRules, placeholders, createBlocker, tabSync, consentRecords]
