import { createBlocker } from './blocker/blocker'
import { createConsentWith } from './consent'
import type { Consent, ConsentConfig } from './types'
import { createUI } from './ui/ui'

/** The full SDK: store, stored decision, tag-blocker, banner, settings dialog and footer widget. */
export function createConsent(config?: ConsentConfig): Consent {
  return createConsentWith(config, [createBlocker, createUI])
}
