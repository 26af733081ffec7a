import type { BlockedBy } from './blockedBy'
import type { Wrap } from './patches'
import { gateScript } from './stamp'

/** Holds back `value` for `el`'s attribute `name` when a rule blocks it; true when it did. */
type Keep = (el: Element, name: string, value: string) => boolean

// insertAdjacentHTML's positions, as the methods that insert there.
const PLACES: Record<string, string> = {
  beforebegin: 'before',
  afterbegin: 'prepend',
  beforeend: 'append',
  afterend: 'after',
}

/**
 * Block rules for HTML strings: the elements the parser makes pass through no setter, and an
 * img given as `innerHTML` requests even inside a detached element. So `innerHTML` (of
 * elements and shadow roots), `outerHTML` and `insertAdjacentHTML` let the browser parse the
 * HTML in a detached element of the kind that would have parsed it (the same parsing context,
 * so the same nodes), hold back the blocked `src` and `srcset` values of
 * what it made, and move the nodes into place. That happens in the same task: an img requests
 * only after a microtask, an iframe only once it is in the page. The HTML is never
 * re-serialized, so nothing means more than what the browser made of it (re-parsing is how
 * mutation XSS happens), and Trusted Types judges each string as without the SDK.
 * A contextual fragment's scripts run once it is inserted: blocked ones become gated markup.
 * HTML that does not mention `src`, and a template's inert content, go straight through.
 */
export function interceptHtml(wrap: Wrap, on: () => boolean, keep: Keep, blockedBy: BlockedBy): void {
  // The browser's own, taken before anything is patched.
  const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!.set!

  const gate = (root: ParentNode, scripts?: boolean): void =>
    root.querySelectorAll(scripts ? 'img,iframe,source,script' : 'img,iframe,source').forEach((el) => {
      if (el.tagName != 'SCRIPT')
        for (const name of ['srcset', 'src']) {
          const value = el.getAttribute(name)
          if (value != null && keep(el, name, value)) el.removeAttribute(name)
        }
      else if ((el as HTMLScriptElement).type != 'text/plain') {
        // Gated like the site's own markup, its src kept (a text/plain script is never fetched);
        // with its own nonce, or one that matches none: it must not borrow the page's (the queue
        // lends it to gated markup) to pass a CSP that would refuse it.
        const src = el.getAttribute('src')
        const keys = src ? blockedBy(src) : []
        if (keys.length) {
          gateScript(el as HTMLScriptElement, keys.join(' '))
          el.setAttribute('nonce', el.getAttribute('nonce') || '-')
        }
      }
    })

  /** The nodes `html` makes where `context` parses it, held back; or undefined, to leave it to the browser. */
  const into = (context: Node | null, html: unknown): ChildNode[] | undefined => {
    const parses = context instanceof Element || context instanceof ShadowRoot
    if (!on() || !/src/i.test(html as string) || !parses || context.nodeName == 'TEMPLATE') return
    const { namespaceURI, localName } = context as Element
    // A shadow root parses as a div does; so does a custom element, which is not constructed for it.
    const box =
      namespaceURI && !localName.includes('-')
        ? document.createElementNS(namespaceURI, localName)
        : document.createElement('div')
    innerHTML.call(box, html)
    gate(box)
    return [...box.childNodes]
  }

  for (const target of [Element.prototype, ShadowRoot.prototype])
    wrap(
      target,
      'innerHTML',
      (set) =>
        function (html) {
          const nodes = into(this, html)
          if (nodes) this.replaceChildren(...nodes)
          else set.call(this, html)
        },
    )
  wrap(
    Element.prototype,
    'outerHTML',
    (set) =>
      function (html) {
        const nodes = into(this.parentNode, html)
        if (nodes) this.replaceWith(...nodes)
        else set.call(this, html)
      },
  )
  wrap(
    Element.prototype,
    'insertAdjacentHTML',
    (insert) =>
      function (position, html) {
        const where = PLACES[String(position).toLowerCase()]
        // Before and after the element, its parent parses; inside, the element itself.
        const nodes = where && into(where == 'before' || where == 'after' ? this.parentNode : this, html)
        if (nodes) this[where](...nodes)
        else insert.call(this, position, html)
      },
  )
  wrap(
    Range.prototype,
    'createContextualFragment',
    (create) =>
      function (html) {
        const fragment = create.call(this, html)
        if (on()) gate(fragment, true)
        return fragment
      },
  )
}
