import type { BlockedBy } from './blockedBy'

export interface Held {
  /** Elements whose `src`/`srcset` is held back, in the order they were held, with the held values. */
  held: Map<Element, Record<string, string>>
  /** Sets every held value whose consent keys are all granted now, in order. */
  release(): void
  /** Restores what was patched; held values stay held. */
  undo(): void
}


/**
 * Holds back `src` (script, iframe, img) and `srcset` (img) values that match a
 * `block` rule before the browser sees them, by wrapping those property setters
 * and `setAttribute` on the three prototypes. An img requests
 * as soon as the value is set (`new Image()` pixels), a script or iframe once
 * inserted; either way nothing has left. `changed` hears of each element held or
 * released. If the rules throw, the setter throws and nothing is set.
 */
export function interceptElements(blockedBy: BlockedBy, changed: (el: Element) => void): Held {
  const held = new Map<Element, Record<string, string>>()
  // Inside the function: importing the module must not touch DOM globals (server-side rendering).
  const types = [HTMLScriptElement, HTMLIFrameElement, HTMLImageElement]
  const targets = [...types.map((type) => [type, 'src'] as const), [HTMLImageElement, 'srcset'] as const]
  const setAttribute = Element.prototype.setAttribute
  let on = true
  // True when the value was held instead of set. Runs for every src an img gets: keep it cheap.
  const hold = (el: Element, name: string, value: string): boolean => {
    if (!on) return false
    const values = held.get(el)
    if (blockedBy(String(value)).length) {
      held.set(el, { ...values, [name]: value })
    } else if (values && delete values[name] && !Object.keys(values).length) {
      held.delete(el)
    } else return false
    changed(el)
    return !!held.get(el)
  }
  const restore = targets.map(([type, name]) => {
    const own = Object.getOwnPropertyDescriptor(type.prototype, name)!
    Object.defineProperty(type.prototype, name, {
      ...own,
      set(value: string) {
        if (!hold(this, name, value)) own.set!.call(this, value)
      },
    })
    return () => Object.defineProperty(type.prototype, name, own)
  })
  // setAttribute is wrapped on the three prototypes only, as own methods shadowing Element's:
  // the page's other elements keep calling the native one at full speed.
  const patched = function (this: Element, name: string, value: string) {
    const lower = /^src(set)?$/i.test(name) && name.toLowerCase()
    if (!lower || (lower == 'srcset' && !(this instanceof HTMLImageElement)) || !hold(this, lower, value)) {
      setAttribute.call(this, name, value)
    }
  }
  for (const type of types) type.prototype.setAttribute = patched
  return {
    held,
    release: () =>
      held.forEach((values, el) => {
        if (Object.keys(values).some((name) => blockedBy(String(values[name])).length)) return
        held.delete(el)
        try {
          // srcset first, so the browser picks its candidate before src starts a request.
          for (const name of ['srcset', 'src']) if (name in values) setAttribute.call(el, name, values[name]!)
        } catch {
          // A plain string src under Trusted Types: the browser refuses it, as it would have.
        }
        changed(el)
      }),
    undo() {
      on = false
      restore.forEach((undo) => undo())
      for (const { prototype } of types) {
        if (prototype.setAttribute == patched) delete (prototype as Partial<Element>).setAttribute
      }
    },
  }
}
