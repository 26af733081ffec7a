import { createConsentWith } from './consent'
import { fullFeatures } from './features'
import type { Consent, ConsentConfig } from './types'
import { createUI } from './ui/ui'

/** The full SDK: the headless core plus banner, settings dialog and footer widget. */
export function createConsent(config?: ConsentConfig): Consent {
  return createConsentWith(config, [...fullFeatures, createUI])
}
