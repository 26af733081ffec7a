import { blockRules as blockRulesPart } from './blocker/blockRules'
import { placeholders as placeholdersPart } from './blocker/placeholders'
import { storageGuard as storageGuardPart } from './blocker/storageGuard'
import { consentRecords as consentRecordsPart } from './integrations/consentRecords'
import { googleConsentMode as googleConsentModePart } from './integrations/googleConsentMode'
import { tabSync as tabSyncPart } from './integrations/tabSync'
import type { Feature } from './types'

/*
 * The optional parts of the headless core (`consentry/parts`), each a Feature for
 * `createConsent(config, [parts…])` from `consentry/core`. The full SDK and the script tag
 * start all of them; an app on the core pays only for the ones it lists. Inside, a part also
 * receives the instance's internals; to a site it is a plain Feature.
 */
export const blockRules = blockRulesPart as Feature
/** The storage guard: declared cookies and storage keys are not written while refused. */
export const storageGuard = storageGuardPart as Feature
export const placeholders = placeholdersPart as Feature
export const googleConsentMode: Feature = googleConsentModePart
export const tabSync = tabSyncPart as Feature
/** Consent records to `recordEndpoint`; `textsHash` hashes the texts of the visitor's language. */
export const consentRecords: Feature = consentRecordsPart

export type { Feature } from './types'
