/**
 * Replaces a granted `<template data-consent>` with its content. Each script in it
 * is swapped for an empty, inert stand-in gated by the same keys (or its own), and
 * `sources` maps the stand-in to the script it stands for: the blocker then runs it
 * in order, with the nonce and through the Trusted Types policy, and no script text
 * enters the page before that. Returns the inserted nodes.
 */
export function stamp(template: HTMLTemplateElement, sources: WeakMap<Element, HTMLScriptElement>): Node[] {
  const content = template.content
  content.querySelectorAll('script').forEach((script) => {
    const stand = document.createElement('script')
    stand.type = 'text/plain'
    stand.setAttribute('data-consent', script.getAttribute('data-consent') || template.getAttribute('data-consent')!)
    sources.set(stand, script)
    script.replaceWith(stand)
  })
  const nodes = Array.from(content.childNodes)
  template.replaceWith(content)
  return nodes
}
