import { createConsentWith } from './consent'
import { fullFeatures } from './features'
import { getMessages } from './i18n/getMessages'
import type { Consent, ConsentConfig } from './types'
import { createUI } from './ui/ui'

/** The full SDK: the headless core plus banner, settings dialog and footer widget. Records hash the texts shown. */
export function createConsent(config?: ConsentConfig): Consent {
  return createConsentWith(config, [...fullFeatures(getMessages), createUI])
}
