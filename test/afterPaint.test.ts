import { afterEach, describe, expect, it } from 'vitest'
import { afterPaint } from '../src/afterPaint'
import { nextFrame, settle } from './jsdom'

const hidden = (value: boolean) => Object.defineProperty(document, 'hidden', { configurable: true, get: () => value })

afterEach(() => {
  delete (document as { hidden?: boolean }).hidden
  dispatchEvent(new Event('pageshow'))
})

describe('afterPaint', () => {
  it('runs work a task after the next frame', async () => {
    const log: string[] = []
    afterPaint(() => log.push('work'))
    await nextFrame()
    log.push('frame')
    await settle()
    expect(log).toEqual(['frame', 'work'])
  })

  it('runs what waits at once, and once, when the page is left before the next paint', async () => {
    const log: string[] = []
    afterPaint(() => {
      log.push('first')
      // What waiting work schedules as the page is left runs at once too: nothing comes later.
      afterPaint(() => log.push('scheduled by first'))
    })
    dispatchEvent(new Event('pagehide'))
    expect(log).toEqual(['first', 'scheduled by first'])
    afterPaint(() => log.push('while left'))
    expect(log).toEqual(['first', 'scheduled by first', 'while left'])
    dispatchEvent(new Event('pageshow'))
    await nextFrame()
    await settle()
    expect(log).toEqual(['first', 'scheduled by first', 'while left'])
  })

  it('runs what waits when the page is hidden, and waits for a task while hidden', async () => {
    const log: string[] = []
    afterPaint(() => log.push('before'))
    document.dispatchEvent(new Event('visibilitychange'))
    expect(log).toEqual([])
    hidden(true)
    document.dispatchEvent(new Event('visibilitychange'))
    expect(log).toEqual(['before'])
    afterPaint(() => log.push('hidden'))
    expect(log).toEqual(['before'])
    await settle()
    expect(log).toEqual(['before', 'hidden'])
  })
})
