import { startConsent } from './startConsent'

// The script tag: starts the SDK from `#consentry-config` and exposes it as window.consentry.
startConsent()
