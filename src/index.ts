export { createConsent } from './full'
export type {
  Category,
  CategoryConfig,
  Choices,
  Consent,
  ConsentConfig,
  ConsentEvents,
  ConsentKey,
  ConsentRecord,
  CookieConfig,
  DeepPartial,
  Feature,
  GoogleConsentModeConfig,
  Messages,
  Method,
  NormalizedConfig,
  Rules,
} from './types'
