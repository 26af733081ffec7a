// Which engines the suite runs in, and starting one with a single clear line when it cannot start.
import { launchChromium } from './chromium.js'
import { launchFirefox } from './firefox.js'
import type { Engine, EngineName, LaunchOptions } from './types.js'
import { launchWebKit } from './webkit.js'

export type { Engine, EngineCookie, EngineName, EnginePage, Key } from './types.js'

const LAUNCH: Record<EngineName, (options: LaunchOptions) => Promise<Engine>> = {
  chromium: launchChromium,
  firefox: launchFirefox,
  webkit: launchWebKit,
}

const INSTALL: Record<EngineName, string> = {
  chromium: 'apt-get install chromium',
  firefox: 'apt-get install firefox-esr',
  webkit: 'apt-get install webkit2gtk-driver xvfb',
}

/**
 * Every engine, in the order the suite runs them. `ENGINES=firefox,webkit` narrows a local run;
 * a name it does not know is an error, not a skip.
 */
export function engineNames(list = process.env.ENGINES): EngineName[] {
  const names = list ? list.split(',').map((name) => name.trim()) : Object.keys(LAUNCH)
  for (const name of names) {
    if (!(name in LAUNCH))
      throw new Error(`ENGINES: unknown engine "${name}", expected ${Object.keys(LAUNCH).join(', ')}`)
  }
  return names as EngineName[]
}

/** Starts `name`, or throws one line saying which engine failed, why, and what installs it. */
export async function launchEngine(name: EngineName, options: LaunchOptions): Promise<Engine> {
  try {
    return await LAUNCH[name](options)
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    const failure = new Error(`${name} could not start: ${why} (${INSTALL[name]})`)
    failure.stack = failure.message
    throw failure
  }
}
