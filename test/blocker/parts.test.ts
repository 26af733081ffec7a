import { afterEach, describe, expect, it } from 'vitest'
import { createBlocker } from '../../src/blocker/blocker'
import { blockRules } from '../../src/blocker/blockRules'
import { placeholders } from '../../src/blocker/placeholders'
import { createConsent } from '../../src/core'
import * as parts from '../../src/parts'
import type { Consent, ConsentConfig } from '../../src/types'
import { cleanUp, markup, nextFrame, recordNetwork, sent, start } from '../jsdom'

afterEach(cleanUp)

const RULES: ConsentConfig = { categories: { marketing: { block: ['px.test', 'video.test'] } } }
const GATED = `<script type="text/plain" data-consent="marketing" id="s">1</script>
  <iframe data-consent="marketing" id="f" data-src="https://video.test/embed/x"></iframe>`

describe('the blocker without its optional parts', () => {
  it('gates markup but patches nothing for block rules and draws no placeholder', async () => {
    recordNetwork()
    const fetch = window.fetch
    markup(GATED)
    const consent = start(RULES, [createBlocker])
    await nextFrame()
    expect(document.querySelector('consentry-placeholder')).toBeNull()
    expect(Object.hasOwn(HTMLImageElement.prototype, 'setAttribute')).toBe(false)
    expect(window.fetch).toBe(fetch)
    const frame = document.getElementById('f')!
    expect([frame.hasAttribute('src'), (document.getElementById('s') as HTMLScriptElement).type]).toEqual([
      false,
      'text/plain',
    ])
    consent.set({ marketing: true })
    expect([frame.getAttribute('src'), (document.getElementById('s') as HTMLScriptElement).type]).toEqual([
      'https://video.test/embed/x',
      '',
    ])
  })

  it('draws placeholders without block rules being intercepted', async () => {
    recordNetwork()
    markup(GATED)
    start(RULES, [placeholders, createBlocker])
    await nextFrame()
    expect(document.querySelector('consentry-placeholder')!.nextElementSibling).toBe(document.getElementById('f'))
    await fetch('https://px.test/x')
    expect(sent).toEqual(['fetch https://px.test/x'])
  })

  it('holds block-rule matches without drawing placeholders', async () => {
    recordNetwork()
    const consent = start(RULES, [blockRules, createBlocker])
    const frame = document.createElement('iframe')
    frame.src = 'https://video.test/embed/1'
    document.body.append(frame)
    await nextFrame()
    expect([frame.getAttribute('src'), document.querySelector('consentry-placeholder')]).toEqual([null, null])
    consent.set({ marketing: true })
    expect(frame.getAttribute('src')).toBe('https://video.test/embed/1')
  })
})

describe('the headless core', () => {
  const made: Consent[] = []
  afterEach(() =>
    made.splice(0).forEach((consent) => {
      consent.reset()
      consent.destroy()
    }),
  )

  it('starts the blocker alone by default', async () => {
    markup(GATED)
    const fetch = window.fetch
    const consent = createConsent({ ...RULES, reloadOnWithdraw: false })
    made.push(consent)
    await nextFrame()
    expect([document.querySelector('consentry-placeholder'), window.fetch]).toEqual([null, fetch])
    consent.set({ marketing: true })
    expect(document.getElementById('f')!.getAttribute('src')).toBe('https://video.test/embed/x')
  })

  it('starts its extras, the optional parts, before the blocker', async () => {
    recordNetwork()
    markup(GATED)
    const consent = createConsent({ ...RULES, reloadOnWithdraw: false }, [parts.blockRules, parts.placeholders])
    made.push(consent)
    await nextFrame()
    expect(document.querySelector('consentry-placeholder')).not.toBeNull()
    await expect(fetch('https://px.test/x')).rejects.toThrow(TypeError)
    consent.set({ marketing: true })
    expect(document.querySelector('consentry-placeholder')).toBeNull()
    await fetch('https://px.test/x')
    expect(sent).toEqual(['fetch https://px.test/x'])
  })
})
