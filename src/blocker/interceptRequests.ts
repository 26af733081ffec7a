/**
 * Makes `fetch`, `XMLHttpRequest` and `navigator.sendBeacon` to blocked URLs fail
 * the way a request stopped by the browser or an extension does, with nothing
 * leaving the page: `fetch` rejects with `TypeError('Failed to fetch')`; an async
 * XHR ends with `readyState` 4, `status` 0, `readystatechange`, `error` and
 * `loadend` (a sync one throws a `NetworkError`); `sendBeacon` returns false.
 * Patched: `window.fetch`, `XMLHttpRequest.prototype.open` and `.send`,
 * `Navigator.prototype.sendBeacon`. The returned function restores each one that
 * nobody has wrapped since; a wrapped one stays but lets everything through.
 */
export function interceptRequests(blocked: (url: string) => boolean): () => void {
  let on = true
  const stops = (url: unknown): boolean => on && blocked(String(url))
  const restore: (() => unknown)[] = []
  // The wrappers forward `arguments`: exactly what the caller passed.
  const wrap = (target: any, name: string, make: (original: Function) => Function): void => {
    const original = target[name]
    if (!original) return
    const mine = (target[name] = make(original))
    restore.push(() => target[name] == mine && (target[name] = original))
  }
  const opened = new WeakMap<XMLHttpRequest, unknown[]>()

  wrap(window, 'fetch', (fetch) =>
    function (this: unknown, input: RequestInfo | URL) {
      return stops(input instanceof Request ? input.url : input)
        ? Promise.reject(new TypeError('Failed to fetch'))
        : fetch.apply(this, arguments)
    },
  )
  wrap(XMLHttpRequest.prototype, 'open', (open) =>
    function (this: XMLHttpRequest) {
      opened.set(this, Array.from(arguments))
      delete (this as { readyState?: number }).readyState
      return open.apply(this, arguments)
    },
  )
  wrap(XMLHttpRequest.prototype, 'send', (send) =>
    function (this: XMLHttpRequest) {
      const [, url, async] = opened.get(this) || []
      if (url == null || !stops(url)) return send.apply(this, arguments)
      if (async === false) throw new DOMException('Blocked', 'NetworkError')
      setTimeout(() => {
        Object.defineProperty(this, 'readyState', { value: 4, configurable: true })
        for (const type of ['readystatechange', 'error', 'loadend']) this.dispatchEvent(new ProgressEvent(type))
      })
    },
  )
  wrap(Navigator.prototype, 'sendBeacon', (sendBeacon) =>
    function (this: Navigator, url: string | URL) {
      return !stops(url) && sendBeacon.apply(this, arguments)
    },
  )
  return () => {
    on = false
    restore.forEach((undo) => undo())
  }
}
