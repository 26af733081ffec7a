export type Method = (this: any, ...args: any[]) => any
export type Wrap = (
  target: object | undefined,
  name: string,
  make: (original: Method) => Method,
  getter?: boolean,
) => void

/**
 * Replaces methods and setters of browser objects, and puts them back. `wrap` replaces
 * `target[name]` (a method, an accessor's setter, or with `getter` its getter) by `make(original)`; something missing
 * in this browser (sendBeacon in jsdom, CookieStore outside Chromium) is left alone.
 * `restore` puts back each one that nobody has wrapped since; a wrapped one stays, so a
 * patch must let everything through once `on()` turns false, which `restore` does.
 */
export function createPatches(): { wrap: Wrap; on: () => boolean; restore: () => void } {
  const undo: (() => unknown)[] = []
  let on = true
  return {
    wrap(target, name, make, getter) {
      const own = target && Object.getOwnPropertyDescriptor(target, name)
      if (!own) return
      const key = getter ? 'get' : own.set ? 'set' : 'value'
      const mine = make(own[key])
      Object.defineProperty(target, name, { ...own, [key]: mine })
      undo.push(
        () => Object.getOwnPropertyDescriptor(target, name)?.[key] == mine && Object.defineProperty(target, name, own),
      )
    },
    on: () => on,
    restore() {
      on = false
      undo.splice(0).forEach((restore) => restore())
    },
  }
}
