import { createNanoEvents } from 'nanoevents'
import { CATEGORIES } from './config/defaults'
import { normalizeConfig } from './config/normalize'
import { chooseLanguage } from './i18n/chooseLanguage'
import { applyChoices, isGranted, refused } from './store/choices'
import { createRecord } from './store/createRecord'
import { keysOf } from './store/keys'
import { decodeRecord, encodeRecord } from './storage/codec'
import { createCookieJar } from './storage/cookieJar'
import type { Internals, Part } from './internals'
import type { Choices, Consent, ConsentConfig, ConsentEvents, ConsentRecord, Method } from './types'

/** Logs what a site's callback or a feature threw: one failure must not stop the rest. */
const guard = (what: string, work: () => unknown): void => {
  try {
    work()
  } catch (error) {
    console.error('[consentry] ' + what, error)
  }
}

/** The consent instance with the given features (blocker, UI, integrations) started in order. */
export function createConsentWith(input: ConsentConfig | undefined, features: Part[]): Consent {
  const config = normalizeConfig(input)
  const keys = keysOf(config)
  const browser = typeof document != 'undefined'
  const dispatch = (name: string, detail: unknown) => {
    if (browser) document.dispatchEvent(new CustomEvent('consentry:' + name, { detail }))
  }
  const jar = createCookieJar(config.cookie, browser)
  const gpc = config.gpc && browser && (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true
  // Chosen at first use, so a language file loaded after the SDK (before the UI shows) still counts.
  let language: string | undefined
  const lang = () => {
    if (!language) {
      const picked = chooseLanguage(config.language, Object.keys(config.translations))
      // No `i` flag on start-up paths: a page's first case-insensitive regex costs Chromium 1–2 ms.
      language = /^[a-z]{2,3}(-[a-z\d]{1,8})*$/.test(picked.toLowerCase()) ? picked : 'en'
    }
    return language
  }
  // Readable only while the SDK's own script runs, which is now: activated scripts and styles get it.
  if (browser) config.nonce ||= (document.currentScript as HTMLScriptElement | null)?.nonce || undefined
  const emitter = createNanoEvents<ConsentEvents>()
  const cleanups: (() => unknown)[] = []
  const read = (value: string | undefined) => decodeRecord(value, keys, Date.now() / 1000)
  const none = () => Object.freeze(refused(keys))
  let record: ConsentRecord | null = read(jar.read())
  const revisionChanged = !!record && record.revision !== config.revision
  if (revisionChanged) record = null
  let choices: Choices = record ? record.choices : none()
  const banner = () => emitter.emit('banner')

  function commit(next: ConsentRecord | null): void {
    const previous = choices
    choices = next ? next.choices : none()
    record = next
    emitter.emit('change', choices, previous, record)
    dispatch('change', { choices, previous, record })
  }

  function decide(partial: Record<string, unknown>, method: Method): void {
    const ctx = {
      revision: config.revision,
      maxAgeDays: config.cookie.maxAgeDays,
      gpc,
      language: lang(),
      now: Date.now(),
    }
    const next = createRecord(record, applyChoices(keys, choices, partial), method, ctx)
    jar.write(encodeRecord(next, keys))
    commit(next)
  }

  // Every category at once (`applyChoices` spreads each to its services); with GPC, accepting all leaves marketing off.
  const everything = (value: boolean) =>
    Object.fromEntries(CATEGORIES.map((category) => [category, value && !(gpc && category == 'marketing')]))

  const consent: Consent = {
    get: () => choices,
    has: (key) => isGranted(choices, key),
    get decided() {
      return !!record
    },
    config,
    gpc,
    get language() {
      return lang()
    },
    revisionChanged,
    acceptAll: () => decide(everything(true), 'accept-all'),
    rejectAll: () => decide(everything(false), 'reject-all'),
    set: (partial) => decide(partial || {}, 'custom'),
    on: (event, listener) => {
      const guarded = (...args: unknown[]) =>
        guard(`a "${event}" listener threw`, () => (listener as Function)(...args))
      return emitter.on(event, guarded as never)
    },
    when(key, run) {
      let waiting = true
      const check = () => {
        if (waiting && isGranted(choices, key)) {
          cancel()
          guard(`a when("${key}") callback threw`, run)
        }
      }
      const off = emitter.on('change', check)
      const cancel = () => {
        waiting = false
        off()
      }
      check()
      return cancel
    },
    showBanner: banner,
    openSettings: () => emitter.emit('settings', true),
    closeSettings: () => emitter.emit('settings', false),
    record: () => record,
    reset() {
      jar.remove()
      commit(null)
      banner()
    },
    destroy() {
      while (cleanups.length) guard('a clean-up failed', cleanups.pop()!)
      emitter.emit('destroy')
      emitter.events = {}
    },
  }

  // Each kind + what once per page view; the DOM event only where there is a document.
  const reported = new Set<string>()
  const internals: Internals = {
    blocked(kind, what, keys) {
      const id = kind + ' ' + what
      if (reported.has(id)) return
      reported.add(id)
      const entry = { kind, what, keys }
      emitter.emit('blocked', entry)
      dispatch('blocked', entry)
    },
    stored: jar.read,
    sync(value) {
      const next = read(value)
      const encoded = (stored: ConsentRecord | null) => stored && encodeRecord(stored, keys)
      if (encoded(next) === encoded(record)) return
      if (next && next.revision === config.revision) commit(next)
      else if (record) {
        commit(null)
        banner()
      }
    },
  }

  if (browser)
    for (const feature of features)
      guard('a feature failed to start; gated content stays blocked', () => {
        const cleanup = feature(consent, internals)
        if (cleanup) cleanups.push(cleanup)
      })
  if (!record) banner()
  // Once the document is parsed, so that every script in the page's HTML can listen for it; at
  // the earliest a microtask, so that the script-tag entry has set window.consentry by then.
  const ready = () => dispatch('ready', { choices, decided: !!record })
  if (browser && document.readyState == 'loading') document.addEventListener('DOMContentLoaded', ready)
  else Promise.resolve().then(ready)
  return consent
}
