/**
 * Replaces a granted `<template data-consent>` with its content, each script in it made a
 * gated one first: `type="text/plain"`, its own `data-consent` or the template's, its type
 * kept in `data-type`. The blocker then runs them in order, with the nonce and through the
 * Trusted Types policy, like any gated script. A `text/plain` one is left as it is: already
 * gated, or a data block. Returns the inserted nodes.
 */
export function stamp(template: HTMLTemplateElement): Node[] {
  const content = template.content
  content.querySelectorAll('script').forEach((script) => {
    if (script.type != 'text/plain')
      gateScript(script, script.getAttribute('data-consent') ?? template.getAttribute('data-consent')!)
  })
  const nodes = [...content.childNodes]
  template.replaceWith(content)
  return nodes
}

/** Makes `script` gated markup for `keys`: `type="text/plain"`, its own type kept in `data-type`. */
export function gateScript(script: HTMLScriptElement, keys: string): void {
  script.setAttribute('data-consent', keys)
  script.setAttribute('data-type', script.type)
  script.type = 'text/plain'
}
