/// <reference types="node" />
import { existsSync } from 'node:fs'
import type { Browser } from 'playwright-core'

/**
 * The flags the project runs Chromium with: headless, no sandbox, nothing fetched behind the page's back.
 * The tests, the bench and the screenshots launch with this same list.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export class ScanSetupError extends Error {}

/**
 * Chromium through playwright-core, an optional peer dependency: a site that never scans does not
 * install it. The browser is the machine's own (CHROME_PATH or Debian's), never a downloaded one.
 */
export async function launchChromium(resolve: string | undefined): Promise<Browser> {
  let chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch {
    throw new ScanSetupError('consentry scan needs playwright-core: run `npm install --save-dev playwright-core`')
  }
  const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    throw new ScanSetupError(
      `no Chromium at ${executablePath}: install it (apt-get install chromium) or set CHROME_PATH`,
    )
  }
  const args = resolve ? [...CHROMIUM_FLAGS, '--host-resolver-rules=' + resolve] : CHROMIUM_FLAGS
  try {
    return await chromium.launch({ executablePath, args })
  } catch (error) {
    throw new ScanSetupError(
      `could not start Chromium at ${executablePath}: ${(error as Error).message.split('\n')[0]}`,
    )
  }
}
