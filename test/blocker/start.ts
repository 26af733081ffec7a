// Shared set-up of the blocker's jsdom tests: a real store with only the blocker and its
// optional parts started, network APIs replaced by recorders (jsdom must not touch the
// network), and a clean page after each test.
import { vi } from 'vitest'
import { createBlocker } from '../../src/blocker/blocker'
import { blockRules } from '../../src/blocker/blockRules'
import { placeholders } from '../../src/blocker/placeholders'
import { createConsentWith } from '../../src/consent'
import type { Part } from '../../src/internals'
import type { Consent, ConsentConfig } from '../../src/types'

// jsdom lays nothing out: this ResizeObserver reports its targets at the next animation
// frame after each observe(), as a browser does once they are rendered.
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

const started: Consent[] = []
const originals = {
  fetch: window.fetch,
  open: XMLHttpRequest.prototype.open,
  send: XMLHttpRequest.prototype.send,
  beacon: (Navigator.prototype as { sendBeacon?: unknown }).sendBeacon,
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

/** The blocker with both optional parts, in the full SDK's order. */
export const BLOCKER: Part[] = [blockRules, placeholders, createBlocker]

/** A store (reloadOnWithdraw off unless given) with `features` started on the current document. */
export function start(config: ConsentConfig = {}, features = BLOCKER): Consent {
  const consent = createConsentWith({ reloadOnWithdraw: false, ...config }, features)
  started.push(consent)
  return consent
}

/** Adds markup to the body the way a server-rendered page has it: parsed, not created by script. */
export function markup(html: string): void {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html')
  for (const node of Array.from(doc.body.childNodes)) document.body.append(document.adoptNode(node))
}

/** Lets the MutationObserver and queued tasks run. */
export const settle = (): Promise<void> => new Promise((done) => setTimeout(done, 0))

export function cleanUp(): void {
  started.splice(0).forEach((consent) => {
    consent.reset()
    consent.destroy()
  })
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]!.trim()
    if (name) document.cookie = name + '=;max-age=0;path=/'
  }
  localStorage.clear()
  sessionStorage.clear()
  document.head.replaceChildren()
  document.body.replaceChildren()
  sent.splice(0)
  window.fetch = originals.fetch
  XMLHttpRequest.prototype.open = originals.open
  XMLHttpRequest.prototype.send = originals.send
  Object.assign(Navigator.prototype, { sendBeacon: originals.beacon })
  if (!originals.beacon) delete (Navigator.prototype as { sendBeacon?: unknown }).sendBeacon
  vi.restoreAllMocks()
  delete (window as { ran?: unknown }).ran
}

/** `window.ran`: what inline test scripts pushed, in order. */
export const ran = (): string[] => ((window as { ran?: string[] }).ran ||= [])

/** Placeholders are drawn in the next animation frame. */
export const nextFrame = (): Promise<void> => new Promise((done) => requestAnimationFrame(() => done()))
