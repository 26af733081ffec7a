import { createNanoEvents } from 'nanoevents'
import { normalizeConfig } from './config/normalize'
import { chooseLanguage } from './i18n/chooseLanguage'
import { applyChoices, isGranted, uniform } from './store/choices'
import { createRecord } from './store/createRecord'
import { keysOf } from './store/keys'
import { decodeRecord, encodeRecord } from './storage/codec'
import { createCookieJar, type CookieJar } from './storage/cookieJar'
import type { Choices, Consent, ConsentConfig, ConsentEvents, ConsentRecord, Feature, Internals, Method } from './types'

const inBrowser = () => typeof document != 'undefined'

/** Server-side rendering has no cookies: the decision lives in memory. */
function memoryJar(): CookieJar {
  let value: string | undefined
  return { read: () => value, write: (v) => (value = v), remove: () => (value = undefined) }
}

function dispatch(name: string, detail: unknown): void {
  if (inBrowser()) document.dispatchEvent(new CustomEvent('consentry:' + name, { detail }))
}

/** The consent instance with the given features (blocker, UI, integrations) started. */
export function createConsentWith(input: ConsentConfig | undefined, features: Feature[]): Consent {
  const config = normalizeConfig(input)
  const keys = keysOf(config)
  const browser = inBrowser()
  const jar = browser ? createCookieJar(config.cookie) : memoryJar()
  const gpc = config.gpc && browser && (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true
  // Chosen at first use, so a language file loaded after the SDK (before the UI shows) still counts.
  let language: string | undefined
  const lang = () => {
    const picked = language || chooseLanguage(config.language, Object.keys(config.translations))
    return (language = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(picked) ? picked : 'en')
  }
  // Readable only while the SDK's own script runs, which is now: activated scripts and styles get it.
  if (browser && !config.nonce) config.nonce = (document.currentScript as HTMLScriptElement | null)?.nonce || undefined
  const emitter = createNanoEvents<ConsentEvents>()
  const cleanups: (() => void)[] = []

  const read = (value: string | undefined) => decodeRecord(value, keys, Date.now() / 1000)
  const none = () => Object.freeze(uniform(config, false))
  let record: ConsentRecord | null = read(jar.read())
  const revisionChanged = !!record && record.revision !== config.revision
  if (revisionChanged) record = null
  let choices: Choices = record ? record.choices : none()

  function commit(next: Choices, nextRecord: ConsentRecord | null): void {
    const previous = choices
    choices = next
    record = nextRecord
    emitter.emit('change', choices, previous, record)
    dispatch('change', { choices, previous, record })
  }

  function decide(partial: Record<string, unknown>, method: Method): void {
    const next = applyChoices(config, choices, partial)
    const ctx = { revision: config.revision, maxAgeDays: config.cookie.maxAgeDays, gpc, language: lang(), now: Date.now() }
    const nextRecord = createRecord(record, next, method, ctx)
    jar.write(encodeRecord(nextRecord, keys))
    commit(nextRecord.choices, nextRecord)
  }

  const everything = (value: boolean) => {
    const all: Record<string, boolean> = uniform(config, value)
    if (value && gpc) for (const key of keys) if (key.split('.')[0] == 'marketing') all[key] = false
    return all
  }

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
    on: (event, listener) =>
      emitter.on(event, ((...args: unknown[]) => {
        try {
          ;(listener as (...a: unknown[]) => void)(...args)
        } catch (error) {
          console.error(`[consentry] a "${event}" listener threw`, error)
        }
      }) as never),
    showBanner: () => emitter.emit('banner'),
    openSettings: () => emitter.emit('settings', true),
    closeSettings: () => emitter.emit('settings', false),
    record: () => record,
    reset() {
      jar.remove()
      commit(none(), null)
      emitter.emit('banner')
    },
    destroy() {
      while (cleanups.length)
        try {
          cleanups.pop()!()
        } catch (error) {
          console.error('[consentry] a clean-up failed', error)
        }
      emitter.emit('destroy')
      emitter.events = {}
    },
  }

  const internals: Internals = {
    stored: jar.read,
    sync(value) {
      const next = read(value)
      const current = record && encodeRecord(record, keys)
      if ((next && encodeRecord(next, keys)) === current) return
      if (next && next.revision === config.revision) commit(next.choices, next)
      else if (record) commit(none(), null), emitter.emit('banner')
    },
  }

  if (browser)
    for (const feature of features)
      try {
        const cleanup = feature(consent, internals)
        if (cleanup) cleanups.push(cleanup)
      } catch (error) {
        console.error('[consentry] a feature failed to start; gated content stays blocked', error)
      }
  if (!record) emitter.emit('banner')
  // A microtask, so that the script-tag entry has set window.consentry when pages hear it.
  Promise.resolve().then(() => dispatch('ready', { choices, decided: !!record }))
  return consent
}
