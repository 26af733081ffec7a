import type { Internals } from '../internals'
import type { Consent } from '../types'
import { patchRealms, type Realm } from './childWindows'
import { patternsOf } from './patterns'
import { createPatches } from './patches'

type Kind = 'cookie' | 'storage'

/**
 * The storage guard: while a key is not granted, writes of the `cookies` and
 * `storage` names it declares are refused, so an SDK the site starts at load stores nothing
 * before consent. Covered: `document.cookie` (a deletion always passes), `cookieStore.set`,
 * `Storage.prototype.setItem` (localStorage and sessionStorage) and `indexedDB.open` of a
 * declared database name, in the page and in same-origin iframes. A refused write does
 * nothing, as in a browser that blocks the cookie; a refused open throws the `SecurityError`
 * a browser with storage blocked throws. Names nobody declared, names `necessary` declares
 * and the SDK's own cookie always pass. Judged at each write, so a grant lets writes through
 * at once and a withdrawal refuses them from then on. An error while judging refuses the
 * write. Property assignment (`localStorage.key = …`) cannot be caught without replacing the
 * storage objects; the sweep removes such keys at the next start. An optional part
 * (`storageGuard`), started first by the full SDK: the headless core patches no browser API.
 */
export function storageGuard(consent: Consent, internals: Internals): (() => void) | undefined {
  const { config } = consent
  const tests = { cookie: patternsOf(config, 'cookies', true), storage: patternsOf(config, 'storage', true) }
  if (!tests.cookie.length && !tests.storage.length) return
  const { wrap, on, restore } = createPatches()

  /** Whether the write `read()` names is refused; `read()` gives undefined for a deletion. */
  const refused = (kind: Kind, read: () => unknown): boolean => {
    try {
      const name = read()
      if (!on() || name == null || (kind == 'cookie' && name == config.cookie.name)) return false
      const keys: string[] = []
      for (const [key, test] of tests[kind])
        if (test(String(name))) {
          if (key == 'necessary') return false
          if (!consent.has(key) && !keys.includes(key)) keys.push(key)
        }
      if (keys.length) internals.blocked(kind, String(name), keys)
      return keys.length > 0
    } catch {
      return true
    }
  }

  /** A `document.cookie` string's name, or undefined when it deletes (RFC 6265 §5.2: Max-Age wins over Expires). */
  const cookieName = (text: string): string | undefined => {
    const [pair, ...attributes] = text.split(';')
    let maxAge: number | undefined
    let expires: number | undefined
    for (const attribute of attributes) {
      const [name, value = ''] = attribute.split('=')
      const lower = name!.trim().toLowerCase()
      if (lower == 'max-age' && /^-?\d+$/.test(value.trim())) maxAge = +value
      if (lower == 'expires') expires = Date.parse(value)
    }
    if (maxAge == null ? expires! <= Date.now() : maxAge <= 0) return
    // A pair without `=` is a value with an empty name.
    return pair!.includes('=') ? pair!.split('=')[0]!.trim() : ''
  }

  const patch = (realm: Realm): void => {
    wrap(
      realm.Document.prototype,
      'cookie',
      (set) =>
        function (text) {
          if (!refused('cookie', () => cookieName(String(text)))) set.call(this, text)
        },
    )
    // cookieStore.set(name, value) or set({ name, value, expires, … }); an expiry in the past deletes.
    wrap(
      (realm as { CookieStore?: { prototype: object } }).CookieStore?.prototype,
      'set',
      (set) =>
        function (first) {
          const options = typeof first == 'object' && first ? first : { name: first }
          return refused('cookie', () =>
            options.expires != null && options.expires <= Date.now() ? undefined : options.name,
          )
            ? Promise.resolve()
            : set.apply(this, arguments as never)
        },
    )
    wrap(
      realm.Storage?.prototype,
      'setItem',
      (setItem) =>
        function (key) {
          if (!refused('storage', () => key)) setItem.apply(this, arguments as never)
        },
    )
    wrap(
      realm.IDBFactory?.prototype,
      'open',
      (open) =>
        function (name) {
          if (refused('storage', () => name))
            throw new realm.DOMException('The user denied permission to access the database.', 'SecurityError')
          return open.apply(this, arguments as never)
        },
    )
  }
  patchRealms(wrap, patch)
  return restore
}
