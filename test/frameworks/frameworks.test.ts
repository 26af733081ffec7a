import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { get } from 'svelte/store'
import { createApp, h } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import { createConsent } from 'consentry/core'
import { useConsent as useReactConsent } from '../../examples/frameworks/react'
import { consentStore } from '../../examples/frameworks/svelte'
import { useConsent as useVueConsent } from '../../examples/frameworks/vue'

const consent = createConsent({ reloadOnWithdraw: false })
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
afterEach(() => {
  consent.reset()
  document.body.replaceChildren()
})

describe('framework snippets in the README', () => {
  it('re-renders a react component when analytics is granted, and renders off on the server', async () => {
    const Widget = () => createElement('p', null, useReactConsent(consent, 'analytics') ? 'chart on' : 'chart off')
    expect(renderToString(createElement(Widget))).toBe('<p>chart off</p>')
    const root = createRoot(document.body.appendChild(document.createElement('div')))
    await act(() => root.render(createElement(Widget)))
    expect(document.body.textContent).toBe('chart off')
    await act(() => consent.set({ analytics: true }))
    expect(document.body.textContent).toBe('chart on')
    await act(() => root.unmount())
  })

  it('updates a vue component and unbinds when it unmounts', async () => {
    const app = createApp({
      setup() {
        const choices = useVueConsent(consent)
        return () => h('p', choices.value.marketing ? 'video' : 'placeholder')
      },
    })
    app.mount(document.body.appendChild(document.createElement('div')))
    expect(document.body.textContent).toBe('placeholder')
    consent.acceptAll()
    await Promise.resolve()
    expect(document.body.textContent).toBe('video')
    app.unmount()
  })

  it('gives svelte a readable store of the choices', () => {
    const store = consentStore(consent)
    const seen: boolean[] = []
    const unsubscribe = store.subscribe((c) => seen.push(c.personalization))
    consent.set({ personalization: true })
    unsubscribe()
    consent.rejectAll()
    expect(seen).toEqual([false, true])
    expect(get(store).personalization).toBe(false)
  })
})
