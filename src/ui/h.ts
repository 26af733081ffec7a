/** A child: an element, text (always a text node, never parsed), or nothing. */
export type Kid = Node | string | false | null | undefined

type Props = Record<string, unknown>

/**
 * Builds an element without HTML strings, so no config or translation text is ever
 * parsed (Trusted Types, XSS). String props become attributes; anything else
 * (`onclick`, `checked`, `disabled`) is assigned as a property.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props,
  ...kids: Kid[]
): HTMLElementTagNameMap[K]
export function h(tag: string, props?: Props, ...kids: Kid[]): HTMLElement
export function h(tag: string, props: Props = {}, ...kids: Kid[]): HTMLElement {
  const el = document.createElement(tag)
  for (const name in props) {
    const value = props[name]
    if (typeof value == 'string') el.setAttribute(name, value)
    else if (value != null) (el as unknown as Record<string, unknown>)[name] = value
  }
  el.append(...(kids.filter((kid) => kid) as (Node | string)[]))
  return el
}
