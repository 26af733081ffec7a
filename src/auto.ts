import { createConsent } from './full'
import type { Consent, ConsentConfig } from './types'
import { warn } from './warn'

type Host = typeof window & { consentry?: Consent }

/** Reads `<script type="application/json" id="consentry-config">`; a broken block means the defaults. */
function readConfig(): unknown {
  const block = document.getElementById('consentry-config')
  if (!block) return undefined
  try {
    return JSON.parse(block.textContent || '{}')
  } catch (error) {
    warn(`#consentry-config is not valid JSON (${(error as Error).message}); using the defaults`)
  }
}

// A page that includes the script twice keeps the first instance.
if (!(window as Host).consentry) (window as Host).consentry = createConsent(readConfig() as ConsentConfig)
