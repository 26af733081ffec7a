import { afterEach, describe, expect, it } from 'vitest'
import type { BlockedEntry, ConsentConfig } from '../../src/types'
import { cleanUp, markup, recordNetwork, sent, settle, start } from '../jsdom'

afterEach(cleanUp)

const RULES: ConsentConfig = {
  categories: {
    analytics: { block: ['collect.test', 'tags.test/gtag'] },
    marketing: { block: ['px.test'] },
  },
}

describe('block rules: scripts in the page html, blocked events', () => {
  it('makes a matching script of the page html inert before it runs, and runs it once granted', async () => {
    const consent = start(RULES)
    markup(
      '<script id="g" async src="https://tags.test/gtag/js?id=G-1"></script><script id="other" src="/app.js"></script>',
    )
    await settle()
    const script = document.getElementById('g') as HTMLScriptElement
    expect([script.type, script.getAttribute('data-consent'), script.getAttribute('data-type')]).toEqual([
      'text/plain',
      'analytics',
      '',
    ])
    expect((document.getElementById('other') as HTMLScriptElement).type).toBe('')
    consent.set({ analytics: true })
    const copy = document.querySelector('script[src*="gtag"]') as HTMLScriptElement
    expect(copy).not.toBe(script)
    expect([copy.type, copy.hasAttribute('async')]).toEqual(['', true])
  })

  it('leaves alone the scripts that were in the page before the SDK started: they have run', async () => {
    markup('<script id="early" src="https://tags.test/gtag/js"></script>')
    start(RULES)
    await settle()
    expect((document.getElementById('early') as HTMLScriptElement).type).toBe('')
  })

  it('reports each held element and failed request once, with the keys it needs', async () => {
    recordNetwork()
    const consent = start(RULES)
    const seen: BlockedEntry[] = []
    consent.on('blocked', (entry) => seen.push(entry))
    const img = new Image()
    img.src = 'https://px.test/p.gif'
    await window.fetch('https://collect.test/g').catch(() => {})
    await window.fetch('https://collect.test/g').catch(() => {})
    markup('<img data-consent="marketing" data-src="https://px.test/gated.gif" alt="">')
    await settle()
    expect(seen).toEqual([
      { kind: 'element', what: 'https://px.test/p.gif', keys: ['marketing'] },
      { kind: 'request', what: 'https://collect.test/g', keys: ['analytics'] },
      { kind: 'element', what: 'https://px.test/gated.gif', keys: ['marketing'] },
    ])
    expect(sent).toEqual([])
  })
})
