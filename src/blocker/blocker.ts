import type { Consent } from '../types'

// Placeholder until the tag-blocker lands (helper is writing it): overwrite freely.
export function createBlocker(_consent: Consent): () => void {
  return () => {}
}
