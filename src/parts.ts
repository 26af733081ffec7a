import { createRecordSender } from './integrations/recordSender'

/*
 * The optional parts of the headless core (`consentry/parts`), each a Feature for
 * `createConsent(config, [parts…])` from `consentry/core`. The full SDK and the script tag
 * start all of them; an app on the core pays only for the ones it lists.
 */
export { interceptBlockRules as blockRules } from './blocker/interceptBlockRules'
export { guardStorage as storageGuard } from './blocker/guardStorage'
export { placeholders } from './blocker/placeholders'
export { createGoogleConsentMode as googleConsentMode } from './integrations/googleConsentMode'
export { createTabSync as tabSync } from './integrations/tabs'

/** Consent records to `recordEndpoint`; without the UI, `textsHash` hashes the configured translations. */
export const consentRecords = createRecordSender((consent) => consent.config.translations[consent.language] || {})

export type { Feature } from './types'
