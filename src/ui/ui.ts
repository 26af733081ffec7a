import type { Consent } from '../types'

// Placeholder until the UI lands (helper is writing it): overwrite freely.
export function createUI(_consent: Consent): () => void {
  return () => {}
}
