export { createConsent } from './full'
export type * from './types'
