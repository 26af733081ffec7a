// WebKitGTK's MiniBrowser through WebKitWebDriver (WebDriver classic, selenium-webdriver), on a
// private Xvfb display so it runs the same on a desktop and in CI with no display. MiniBrowser
// has no host-resolver switch: it talks to the test server as its HTTP proxy, which the server
// answers like any request (an absolute URL in the request line).
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { Builder, Key as Keys } from 'selenium-webdriver'
import type { WebDriver } from 'selenium-webdriver'
import { DEFAULT_VIEWPORT } from './types.js'
import type { Engine, EnginePage, Key, LaunchOptions } from './types.js'

const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver'
const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'

export async function launchWebKit({ port }: LaunchOptions): Promise<Engine> {
  const children: ChildProcess[] = []
  const stop = () => children.forEach((child) => child.kill())
  process.once('exit', stop)
  try {
    const display = await startXvfb(children)
    const servers = await Promise.all([startDriver(display, children), startDriver(display, children)])
    const capabilities = {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      proxy: { proxyType: 'manual', httpProxy: `127.0.0.1:${port}` },
    }
    // A session is a new MiniBrowser with an ephemeral profile, and takes seconds to start. A
    // driver runs one session at a time, so two drivers take turns: while a test uses a session
    // on one, the next test's session starts on the other.
    const free = servers.map(() => Promise.resolve())
    const warm = (turn: number) =>
      free[turn]!.then(() => new Builder().usingServer(servers[turn]!).withCapabilities(capabilities).build())
    let turn = 0
    let next = warm(turn)
    const first = await next
    const version = 'webkitgtk/' + (await first.getCapabilities()).get('browserVersion')
    return {
      name: 'webkit',
      version,
      async open(options = {}) {
        const driver = await next
        let release = () => {}
        free[turn] = new Promise((done) => (release = done))
        turn = (turn + 1) % servers.length
        next = warm(turn)
        const { width, height } = options.viewport ?? DEFAULT_VIEWPORT
        await driver.manage().window().setRect({ width, height })
        return webDriverPage(driver, () => driver.quit().finally(release))
      },
      async close() {
        await (await next).quit()
        stop()
        process.off('exit', stop)
      },
    }
  } catch (error) {
    stop()
    throw error
  }
}

const KEYS: Record<Key, string[]> = {
  Tab: [Keys.TAB],
  'Shift+Tab': [Keys.SHIFT, Keys.TAB],
  Escape: [Keys.ESCAPE],
  Enter: [Keys.ENTER],
  Space: [Keys.SPACE],
}

function webDriverPage(driver: WebDriver, close: () => Promise<void>): EnginePage {
  return {
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    // WebDriver's Execute Script awaits a returned promise.
    evaluate: (fn, arg) => driver.executeScript(`return (${fn.toString()}).apply(null, arguments)`, arg ?? null),
    async click(x, y) {
      const origin = 'viewport' as never
      await driver
        .actions()
        .move({ x: Math.round(x), y: Math.round(y), origin })
        .press()
        .release()
        .perform()
    },
    async press(key) {
      let actions = driver.actions()
      for (const k of KEYS[key]) actions = actions.keyDown(k)
      for (const k of [...KEYS[key]].reverse()) actions = actions.keyUp(k)
      await actions.perform()
    },
    cookies: async () =>
      (await driver.manage().getCookies()).map((c) => ({
        name: c.name,
        value: c.value,
        domain: c.domain ?? '',
        path: c.path ?? '/',
      })),
    screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
    close,
  }
}

/** Starts Xvfb on the first free display (it picks one and writes its number) and returns `:N`. */
function startXvfb(children: ChildProcess[]): Promise<string> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  })
  children.push(xvfb)
  return new Promise((done, fail) => {
    let out = ''
    xvfb.on('error', (error) => fail(new Error('Xvfb: ' + error.message)))
    xvfb.on('exit', (code) => fail(new Error(`Xvfb exited with ${code}`)))
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('\n')) done(':' + out.trim())
    })
  })
}

/** Starts a WebKitWebDriver on `display` and a free port; its URL once it answers. */
async function startDriver(display: string, children: ChildProcess[]): Promise<string> {
  const port = await freePort()
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  children.push(driver)
  await ready(driver, `http://127.0.0.1:${port}/status`)
  return `http://127.0.0.1:${port}`
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => done(port))
    })
  })
}

/** Polls the driver's status endpoint until it answers; fails if the driver exits first. */
async function ready(child: ChildProcess, url: string): Promise<void> {
  let exited: Error | undefined
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.on('error', (error) => (exited = error))
  child.on('exit', (code) => (exited ??= new Error(`exited with ${code}: ${stderr.trim().split('\n')[0] ?? ''}`)))
  for (let tries = 0; tries < 100; tries++) {
    if (exited) throw new Error('WebKitWebDriver: ' + exited.message)
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error('WebKitWebDriver did not answer in 10 s')
}
