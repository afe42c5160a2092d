import fs from 'node:fs'
import path from 'node:path'

/**
 * WeChat's view layer, headless: WeChat's own WXML compiler (wcc, from miniprogram-compiler) turns
 * the build's templates into render functions, and WeChat's component framework (exparser, driven
 * through miniprogram-simulate and j-component) renders them into a jsdom document. Built-in
 * components (`view`, `button`, `input`…) are slot stubs there: text and structure are real, but
 * attributes such as `src`, `value` and `disabled` live only on the exparser node (see PageView).
 *
 * One view layer per process: exparser, `wx`, `App` and `Page` are globals, as in a mini program.
 */

/** What the harness uses of j-component's RootComponent. */
export interface RenderedComponent {
  readonly dom: Element
  readonly instance: Record<string, any>
  attach(parent: Element): void
  detach(): void
}

interface Simulate {
  load(
    componentPath: string,
    tagName: string,
    options: { rootPath: string; compiler: 'official'; compilerOptions: { maxBuffer: number }; usingComponents: Record<string, string> },
  ): string
  render(id: string): RenderedComponent
}

export interface ExparserEvent {
  readonly type: string
}

/** What the harness uses of exparser: dispatching events the way the renderer does, and its error hook. */
export interface Exparser {
  Event: {
    create(name: string, detail: unknown, options: { bubbles: boolean; composed: boolean; capturePhase: boolean; extraFields?: Record<string, unknown> }): ExparserEvent
    dispatchEvent(target: unknown, event: ExparserEvent): void
  }
  /** A listener answering false keeps exparser from printing the error itself. */
  addGlobalErrorListener(listener: (error: unknown, info: { message: string }) => boolean): void
}

export interface ViewLayer {
  simulate: Simulate
  exparser: Exparser
  document: Document
  /** The simulator's own `wx` mock: only its device facts (screen, system) are taken from it. */
  simulatedApi: Record<string, unknown>
  /** Where an error thrown in a handler or lifecycle goes: the running mini program's record. */
  onError: (message: string) => void
}

/** wcc writes the whole compiled program to stdout; the simulator's 1 MB default is too small for Taro's templates. */
const WCC_MAX_BUFFER = 64 * 1024 * 1024

/**
 * Kept on the process, not the module: Node's require cache keeps exparser and the simulator (and
 * the document they were given) for the whole process, even when the test runner loads this module
 * afresh for another test file.
 */
const LAYER = Symbol.for('everyshop.weapp.view-layer')

export function viewLayer(): ViewLayer {
  const kept = (globalThis as { [LAYER]?: ViewLayer })[LAYER]
  if (kept) return kept
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: object) => { window: any } }
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true })
  // exparser builds its nodes with these; jsdom refuses events made by another realm, so they are jsdom's.
  Object.assign(globalThis, {
    window,
    document: window.document,
    CustomEvent: window.CustomEvent,
    TouchEvent: window.TouchEvent,
  })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exparser = require('miniprogram-exparser') as Exparser
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulatedApi = require('miniprogram-simulate/src/api') as Record<string, unknown>

  // The simulator prefixes every class with its component's tag (its stand-in for style isolation,
  // which has no use without WXSS); without the prefix, tests select `.product__price` as on H5.
  const registerComponent = (globalThis as any).Component as (definition: Record<string, any>) => void
  ;(globalThis as any).Component = (definition: Record<string, any>) =>
    registerComponent({ ...definition, options: { ...definition.options, classPrefix: '' } })

  const layer: ViewLayer = { simulate, exparser, document: window.document, simulatedApi, onError: () => undefined }
  exparser.addGlobalErrorListener((error, info) => {
    layer.onError(`${info.message}: ${(error as Error)?.stack ?? error}`)
    return false
  })
  ;(globalThis as { [LAYER]?: ViewLayer })[LAYER] = layer
  return layer
}

/**
 * Compiles every template of a build with wcc, as WeChat DevTools does before upload, and loads a
 * page or component of it. A WXML error throws with wcc's own message (file, line, column).
 * `registered` names components already loaded (by the id this returned for them), used in place
 * of the paths in the JSON's usingComponents: a build's module runs once, so its Component() does too.
 */
export function loadComponent(dist: string, route: string, tagName: string, registered: Record<string, string> = {}): string {
  const file = path.join(dist, route)
  if (!fs.existsSync(`${file}.json`)) throw new Error(`${route} is not in the build (${dist})`)
  return viewLayer().simulate.load(file, tagName, {
    rootPath: dist,
    compiler: 'official',
    compilerOptions: { maxBuffer: WCC_MAX_BUFFER },
    usingComponents: registered,
  })
}
