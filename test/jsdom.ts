// The one jsdom harness: stand-ins for what jsdom lacks and the SDK uses in browsers, stores
// started with chosen features, server-style markup, network recorders, the UI's shadow root,
// and a clean page after each test (`afterEach(cleanUp)`).
import { within } from '@testing-library/dom'
import { vi } from 'vitest'
import { createBlocker } from '../src/blocker/blocker'
import { blockRules } from '../src/blocker/blockRules'
import { placeholders } from '../src/blocker/placeholders'
import { createConsentWith } from '../src/consent'
import type { Part } from '../src/internals'
import type { Consent, ConsentConfig } from '../src/types'
import { createUI } from '../src/ui/ui'

// The modal API of <dialog>: the observable part (open state, `close` event).
const dialog = HTMLDialogElement.prototype as HTMLDialogElement & Record<string, unknown>
dialog.showModal ||= function (this: HTMLDialogElement) {
  this.open = true
}
dialog.close ||= function (this: HTMLDialogElement) {
  if (!this.open) return
  this.open = false
  this.dispatchEvent(new Event('close'))
}

// jsdom lays nothing out: this ResizeObserver reports its targets (with no entries) at the
// next animation frame after each observe(), as a browser does once they are rendered, and
// not at all once every target is unobserved. `nextFrame()` waits for that report.
globalThis.ResizeObserver = class {
  private targets = new Set<Element>()
  constructor(private callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.targets.add(target)
    requestAnimationFrame(() => this.targets.size && this.callback([], this))
  }
  unobserve(target: Element) {
    this.targets.delete(target)
  }
  disconnect() {
    this.targets.clear()
  }
}

const made: Consent[] = []
const originals = {
  fetch: window.fetch,
  open: XMLHttpRequest.prototype.open,
  send: XMLHttpRequest.prototype.send,
  beacon: (Navigator.prototype as { sendBeacon?: unknown }).sendBeacon,
}

/** Keeps `consent` for clean-up, and returns it. */
export function track<T extends Consent>(consent: T): T {
  made.push(consent)
  return consent
}

/** The blocker with both optional parts, in the full SDK's order. */
const BLOCKER: Part[] = [blockRules, placeholders, createBlocker]

/** A store (reloadOnWithdraw off unless given) with `features` started on the current document. */
export function start(config: ConsentConfig = {}, features = BLOCKER): Consent {
  return track(createConsentWith({ reloadOnWithdraw: false, ...config }, features))
}

/** A consent instance with only the UI started, and everything it emits as strings. */
export function startUI(config: ConsentConfig = {}) {
  const events: string[] = []
  const consent = track(createConsentWith(config, [createUI]))
  consent.on('change', (choices) =>
    events.push(
      'change ' +
        Object.keys(choices)
          .filter((k) => choices[k] && k != 'necessary')
          .join(','),
    ),
  )
  consent.on('settings', (open) => events.push('settings ' + open))
  consent.on('banner', () => events.push('banner'))
  return { consent, events }
}

/** What reached the "network": the replaced fetch, XHR send and sendBeacon. */
export const sent: string[] = []

/** Replaces the network APIs with recorders; call before `start()`, as a page's own APIs exist before the SDK. */
export function recordNetwork(): void {
  window.fetch = vi.fn(async (input: RequestInfo | URL) => {
    sent.push('fetch ' + String(input instanceof Request ? input.url : input))
    return new Response('ok')
  }) as typeof fetch
  const urls = new WeakMap<XMLHttpRequest, string>()
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, _method: string, url: string | URL) {
    urls.set(this, String(url))
  } as typeof XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest) {
    sent.push('xhr ' + urls.get(this))
  }
  Object.assign(Navigator.prototype, {
    sendBeacon(url: string) {
      sent.push('beacon ' + url)
      return true
    },
  })
}

/** Adds markup to the body the way a server-rendered page has it: parsed, not created by script. */
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

/** Waits for the next animation frame: placeholders are drawn in it (see the ResizeObserver above). */
export const nextFrame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()))

/** The UI's shadow root, or null when nothing was rendered. */
export const shadow = (): ShadowRoot | null => document.querySelector('consentry-ui')?.shadowRoot ?? null

/** Testing Library queries inside the UI's shadow root. */
export const ui = () => within(shadow() as unknown as HTMLElement)

/** Presses `k` on `target`, the way a keyboard's keydown reaches it through shadow roots. */
export const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true, ...init }),
  )

/** Turns the Global Privacy Control signal on (`true`) or removes it (`undefined`). */
export function gpc(value: boolean | undefined) {
  if (value === undefined) delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl
  else Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true })
}

/** Every `[consentry]` console warning and error, as one string each. */
export function consoleOf(): { warnings: string[]; errors: string[] } {
  const warnings: string[] = []
  const errors: string[] = []
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.map(String).join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(' ')))
  return { warnings, errors }
}

/** Destroys every store made here and leaves no cookies, storage, DOM, stubs or recorders behind. */
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
  document.documentElement.removeAttribute('style')
  sent.splice(0)
  window.fetch = originals.fetch
  XMLHttpRequest.prototype.open = originals.open
  XMLHttpRequest.prototype.send = originals.send
  Object.assign(Navigator.prototype, { sendBeacon: originals.beacon })
  if (!originals.beacon) delete (Navigator.prototype as { sendBeacon?: unknown }).sendBeacon
  delete pageWindow().ran
  delete pageWindow().xss
}
