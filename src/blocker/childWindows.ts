import type { Wrap } from './patches'

export type Realm = Window & typeof globalThis

/**
 * Runs `patch` on the page's window, then on the window of each same-origin iframe (`about:blank`, `srcdoc`, a page of the
 * site) before page code reaches it through `contentWindow` or `contentDocument`: a "clean"
 * `fetch` taken from a fresh iframe, which some SDKs do when they see the page's own patched,
 * is then patched too. Once per realm; a cross-origin window throws on the first read and is
 * left alone (its requests are its own origin's).
 */
export function patchRealms(wrap: Wrap, patch: (realm: Realm) => void): void {
  patch(window)
  const done = new WeakSet<object>()
  // Every supported browser (and jsdom) has the getter.
  const contentWindow = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow')!.get!
  for (const name of ['contentWindow', 'contentDocument'])
    wrap(
      HTMLIFrameElement.prototype,
      name,
      (get) =>
        function () {
          try {
            const realm = contentWindow.call(this) as Realm | null
            // Each realm has its own constructors: a new document in the frame is patched again.
            const mark = realm?.XMLHttpRequest
            if (mark && !done.has(mark)) {
              done.add(mark)
              patch(realm)
            }
          } catch {}
          return get.call(this)
        },
      true,
    )
}
