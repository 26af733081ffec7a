// Shared set-up of the jsdom security tests: what jsdom lacks and the UI uses, server-style
// markup, a record of what gated scripts ran, and a page left clean after each test.
import '../jsdomPolyfills'
import { within } from '@testing-library/dom'
import { vi } from 'vitest'
import type { Consent } from '../../src/types'

const made: Consent[] = []

/** Keeps `consent` for clean-up, and returns it. */
export function track<T extends Consent>(consent: T): T {
  made.push(consent)
  return consent
}

/** Adds markup the way a server-rendered page has it: parsed, not created by script. */
export function markup(html: string): void {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  for (const node of Array.from(doc.body.childNodes)) document.body.append(document.adoptNode(node))
}

/** Two gated inline scripts: each pushes its category onto `window.ran` if it ever runs. */
export const GATED = `
  <script type="text/plain" data-consent="analytics">(window.ran ||= []).push('analytics')</script>
  <script type="text/plain" data-consent="marketing">(window.ran ||= []).push('marketing')</script>`

/** The global that page scripts run in: under vitest's jsdom it is not the test's own `window`. */
export const pageWindow = (): Record<string, unknown> =>
  (globalThis as unknown as { jsdom: { window: Record<string, unknown> } }).jsdom.window

/** What the gated scripts of `GATED` ran, in order. */
export const ran = (): string[] => (pageWindow().ran as string[] | undefined) ?? []

/** Lets the MutationObserver and queued tasks run. */
export const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 0))

/** The UI's shadow root, or null when nothing was rendered. */
export const shadow = (): ShadowRoot | null => document.querySelector('consentry-ui')?.shadowRoot ?? null

/** Testing Library queries inside the UI's shadow root. */
export const ui = () => within(shadow() as unknown as HTMLElement)

/** Every `[consentry]` console warning and error, as one string each. */
export function consoleOf(): { warnings: string[]; errors: string[] } {
  const warnings: string[] = []
  const errors: string[] = []
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(' ')))
  return { warnings, errors }
}

export function cleanUp(): void {
  for (const consent of made.splice(0)) {
    try {
      consent.reset()
    } catch {}
    consent.destroy()
  }
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim()
    if (name) document.cookie = name + '=;max-age=0;path=/'
  }
  localStorage.clear()
  sessionStorage.clear()
  document.head.replaceChildren()
  document.body.replaceChildren()
  delete pageWindow().ran
  delete pageWindow().xss
}
