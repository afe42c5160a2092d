import { describe, expect, it } from 'vitest'
import { BrowserHost, browserExecutable, browserPlan, findBrowser } from '../../scripts/browser'

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n'
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'

/** A machine made of a list of executables, an /etc/os-release and an environment. */
function machine(options: {
  executables?: string[]
  env?: Record<string, string>
  osRelease?: string
  root?: boolean
  cjkFont?: boolean
  platform?: NodeJS.Platform
}): BrowserHost {
  const executables = new Set(options.executables ?? [])
  return {
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...options.env },
    platform: options.platform ?? 'linux',
    isRoot: options.root ?? false,
    isExecutable: (path) => executables.has(path),
    readFile: (path) => (path === '/etc/os-release' ? options.osRelease : undefined),
    hasCjkFont: () => options.cjkFont ?? true,
  }
}

describe('finding the browser for the browser tests', () => {
  it.each([
    ['Debian chromium', ['/usr/bin/chromium'], {}, '/usr/bin/chromium'],
    ['a chromium earlier on PATH before the usual path', ['/usr/local/bin/chromium', '/usr/bin/chromium'], {}, '/usr/local/bin/chromium'],
    ['Google Chrome on PATH', ['/usr/bin/google-chrome-stable'], {}, '/usr/bin/google-chrome-stable'],
    ['the snap outside PATH', ['/snap/bin/chromium'], {}, '/snap/bin/chromium'],
    ['CHROMIUM_PATH over any other', ['/usr/bin/chromium', '/opt/chrome/chrome'], { CHROMIUM_PATH: '/opt/chrome/chrome' }, '/opt/chrome/chrome'],
    ['nothing, when CHROMIUM_PATH names no executable, even with another installed', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome' }, undefined],
    ['nothing on a bare machine', [], {}, undefined],
  ])('%s', (_, executables, env, expected) => {
    expect(findBrowser(machine({ executables, env }))).toBe(expected)
  })

  it("finds Chrome on macOS where its installer puts it", () => {
    const path = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(findBrowser(machine({ platform: 'darwin', executables: [path] }))).toBe(path)
  })
})

describe('what npm test does about it', () => {
  it('uses the browser it finds', () => {
    expect(browserPlan(machine({ executables: ['/usr/bin/chromium'], osRelease: DEBIAN }))).toEqual({ kind: 'found', path: '/usr/bin/chromium', packages: [] })
  })

  it("installs Debian's chromium and a Chinese font as root on Debian", () => {
    const plan = browserPlan(machine({ executables: ['/usr/bin/apt-get'], osRelease: DEBIAN, root: true, cjkFont: false }))
    expect(plan).toEqual({ kind: 'install', packages: ['chromium', 'fonts-wqy-microhei'] })
  })

  it('installs only chromium when the font is there, and only the font when chromium is', () => {
    expect(browserPlan(machine({ executables: ['/usr/bin/apt-get'], osRelease: DEBIAN, root: true }))).toEqual({ kind: 'install', packages: ['chromium'] })
    expect(browserPlan(machine({ executables: ['/usr/bin/apt-get', '/usr/bin/chromium'], osRelease: DEBIAN, root: true, cjkFont: false })))
      .toEqual({ kind: 'found', path: '/usr/bin/chromium', packages: ['fonts-wqy-microhei'] })
  })

  it.each([
    ['Debian without root', { osRelease: DEBIAN, executables: ['/usr/bin/apt-get'] }, 'No Chromium for the browser tests: run sudo apt-get install -y chromium fonts-wqy-microhei, or set CHROMIUM_PATH to a Chrome or Chromium executable.'],
    ['Ubuntu as root (its chromium package is the snap)', { osRelease: UBUNTU, root: true, executables: ['/usr/bin/apt-get'] }, 'No Chromium for the browser tests: run sudo snap install chromium && sudo apt-get install -y fonts-wqy-microhei, or set CHROMIUM_PATH to a Chrome or Chromium executable.'],
    ['macOS', { platform: 'darwin' as const }, 'No Chromium for the browser tests: run brew install --cask chromium, or set CHROMIUM_PATH to a Chrome or Chromium executable.'],
    ['a wrong CHROMIUM_PATH, even as root on Debian', { osRelease: DEBIAN, root: true, executables: ['/usr/bin/apt-get'], env: { CHROMIUM_PATH: '/tmp/chrome' } }, 'CHROMIUM_PATH=/tmp/chrome is not an executable browser: point it at Chrome or Chromium, or unset it.'],
  ])('says in one line what to install where it cannot: %s', (_, setup, advice) => {
    expect(browserPlan(machine(setup))).toEqual({ kind: 'missing', advice })
    expect(advice).not.toContain('\n')
  })

  it('warns once when the browser is there but no Chinese font is and it cannot install one', () => {
    const plan = browserPlan(machine({ executables: ['/usr/bin/chromium'], osRelease: DEBIAN, cjkFont: false }))
    expect(plan).toMatchObject({ kind: 'found', packages: [], warning: expect.stringContaining('fonts-wqy-microhei') })
  })

  it('the e2e support fails with that line instead of "executable doesn\'t exist"', () => {
    expect(() => browserExecutable(machine({ osRelease: DEBIAN }))).toThrow('sudo apt-get install -y chromium fonts-wqy-microhei')
    expect(browserExecutable(machine({ executables: ['/usr/bin/chromium'] }))).toBe('/usr/bin/chromium')
  })
})
