import { describe, expect, it } from 'vitest'
import { h } from '../../src/ui/h'

describe('h', () => {
  it('sets string props as attributes and other props as properties', () => {
    let clicked = 0
    const input = h('input', {
      type: 'checkbox',
      'aria-label': 'x',
      checked: true,
      disabled: false,
      onclick: () => clicked++,
    })
    input.click()
    expect([input.getAttribute('type'), input.getAttribute('aria-label'), input.disabled, clicked]).toEqual([
      'checkbox',
      'x',
      false,
      1,
    ])
  })

  it('appends strings as text nodes, never parsing them, and skips empty children', () => {
    const p = h('p', {}, '<b onclick="x()">bold</b>', false, undefined, null, '', h('i'))
    expect([p.childNodes.length, p.firstChild!.nodeType, p.querySelector('b'), p.textContent]).toEqual([
      2,
      Node.TEXT_NODE,
      null,
      '<b onclick="x()">bold</b>',
    ])
  })
})
