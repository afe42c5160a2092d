/**
 * The one place that knows where the browser tests' Chromium is: `npm test` looks it up (and on a
 * Debian machine where it runs as root, installs Debian's chromium and a Chinese font), and the e2e
 * support and the demo's image renderer launch what it finds.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

/** What the lookup may ask of the machine; tests hand it a fake one. */
export interface BrowserHost {
  env: Record<string, string | undefined>
  platform: NodeJS.Platform
  isRoot: boolean
  isExecutable(path: string): boolean
  readFile(path: string): string | undefined
  /** Whether a font with Chinese glyphs is installed (screenshots show boxes without one). */
  hasCjkFont(): boolean
}

/** Set it to a Chrome or Chromium executable to use that one. */
export const BROWSER_VARIABLE = 'CHROMIUM_PATH'

const NAMES_ON_PATH = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']
const USUAL_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
}

/** Debian's packages: the browser, and a font with Chinese glyphs for the screenshots. */
export const DEBIAN_PACKAGES = { browser: 'chromium', cjkFont: 'fonts-wqy-microhei' }

export type BrowserPlan =
  | { kind: 'found'; path: string; /** Debian packages to add (the font) */ packages: string[]; warning?: string }
  | { kind: 'install'; packages: string[] }
  | { kind: 'missing'; advice: string }

/**
 * The browser to launch: $CHROMIUM_PATH when set (and nothing else then, so a wrong setting is not
 * hidden by another browser), else the first of the usual names on PATH and the usual install paths.
 */
export function findBrowser(host: BrowserHost): string | undefined {
  const chosen = host.env[BROWSER_VARIABLE]
  if (chosen) return host.isExecutable(chosen) ? chosen : undefined
  const separator = host.platform === 'win32' ? ';' : ':'
  const joiner = host.platform === 'win32' ? '\\' : '/'
  const onPath = (host.env.PATH ?? '')
    .split(separator)
    .filter(Boolean)
    .flatMap((dir) => NAMES_ON_PATH.map((name) => `${dir}${joiner}${name}`))
  return [...onPath, ...(USUAL_PATHS[host.platform] ?? [])].find((path) => host.isExecutable(path))
}

/** What `npm test` does about the browser: use the one found, install Debian's, or say in one line what to install. */
export function browserPlan(host: BrowserHost): BrowserPlan {
  const found = findBrowser(host)
  const canInstall = host.isRoot && isDebian(host) && host.isExecutable('/usr/bin/apt-get')
  const hasFont = host.hasCjkFont()
  if (found) {
    if (hasFont) return { kind: 'found', path: found, packages: [] }
    if (canInstall) return { kind: 'found', path: found, packages: [DEBIAN_PACKAGES.cjkFont] }
    return { kind: 'found', path: found, packages: [], warning: `No Chinese font: screenshots will show boxes; install ${DEBIAN_PACKAGES.cjkFont} (Debian/Ubuntu) or any Noto Sans CJK font.` }
  }
  const chosen = host.env[BROWSER_VARIABLE]
  if (chosen) return { kind: 'missing', advice: `${BROWSER_VARIABLE}=${chosen} is not an executable browser: point it at Chrome or Chromium, or unset it.` }
  if (canInstall) return { kind: 'install', packages: [DEBIAN_PACKAGES.browser, ...(hasFont ? [] : [DEBIAN_PACKAGES.cjkFont])] }
  return { kind: 'missing', advice: `No Chromium for the browser tests: ${installAdvice(host)}, or set ${BROWSER_VARIABLE} to a Chrome or Chromium executable.` }
}

function installAdvice(host: BrowserHost): string {
  const os = osRelease(host)
  if (os.id === 'debian') return `run sudo apt-get install -y ${DEBIAN_PACKAGES.browser} ${DEBIAN_PACKAGES.cjkFont}`
  // Ubuntu's chromium packages are only a way to the snap.
  if (os.id === 'ubuntu') return `run sudo snap install chromium && sudo apt-get install -y ${DEBIAN_PACKAGES.cjkFont}`
  if (host.platform === 'darwin') return 'run brew install --cask chromium'
  return 'install Chromium or Google Chrome'
}

function isDebian(host: BrowserHost): boolean {
  return osRelease(host).id === 'debian'
}

function osRelease(host: BrowserHost): { id?: string } {
  const text = host.platform === 'linux' ? host.readFile('/etc/os-release') : undefined
  const id = text?.match(/^ID="?([^"\n]+)"?$/m)?.[1]
  return { id }
}

/** The machine this process runs on. */
export function systemHost(): BrowserHost {
  return {
    env: process.env,
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    isExecutable(path) {
      try {
        fs.accessSync(path, fs.constants.X_OK)
        return fs.statSync(path).isFile()
      } catch {
        return false
      }
    },
    readFile(path) {
      try {
        return fs.readFileSync(path, 'utf8')
      } catch {
        return undefined
      }
    },
    hasCjkFont() {
      const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' })
      // Without fontconfig there is no list to read; the browser finds its fonts another way there.
      return fonts.error !== undefined || fonts.stdout.trim().length > 0
    },
  }
}

/** The browser the e2e support launches; fails with the one line that says what to install. */
export function browserExecutable(host: BrowserHost = systemHost()): string {
  const found = findBrowser(host)
  if (found) return found
  const plan = browserPlan(host)
  throw new Error(plan.kind === 'missing' ? plan.advice : `No Chromium for the browser tests: npm test installs ${plan.kind === 'install' ? plan.packages.join(' ') : 'it'} on this machine.`)
}

/** Chromium's switches for a headless run that never reaches the network on its own. */
export const HEADLESS_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
