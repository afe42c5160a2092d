import type { Exparser } from './view-layer'

/** Narrows a selector's matches: by their text (a string is looked for inside it), then by position. */
export interface Match {
  hasText?: string | RegExp
  nth?: number
}

/** What a view needs of its mini program: to dispatch like the renderer, and to wait until the app is idle. */
export interface ViewHost {
  exparser: Exparser
  settle(): Promise<void>
  /** WeChat's reaction to a tap on a button with an open-type (share, …), after the tap's own handlers. */
  openType(type: string, target: Element): Promise<void>
}

const WAIT_MS = 5_000
/** The built-in components whose `disabled` keeps a person from using them. */
const FORM_CONTROLS = new Set(['wx-button', 'wx-input', 'wx-textarea', 'wx-picker', 'wx-switch', 'wx-checkbox', 'wx-radio', 'wx-slider'])

/** An element's text as a person reads it: whitespace collapsed, ends trimmed. */
export const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()

/**
 * A part of a rendered page, found with CSS selectors on the classes the app sets (as the H5 tests
 * do), and used as a finger would: a tap is touchstart → touchend → tap dispatched through exparser,
 * reaching Taro's event handler and the React `onClick`; typing is focus → input → blur.
 * Attributes that never reach the DOM (`src`, `value`, `disabled`) are read from the exparser node,
 * where the compiled template put them.
 */
export class View {
  constructor(
    protected readonly host: ViewHost,
    private readonly rootElement: () => Element,
  ) {}

  /** Everything this part shows, as text. */
  get shown(): string {
    return textOf(this.rootElement())
  }

  all(selector: string, match: Omit<Match, 'nth'> = {}): Element[] {
    const found = [...this.rootElement().querySelectorAll(selector)]
    const { hasText } = match
    if (hasText === undefined) return found
    return found.filter((element) => (typeof hasText === 'string' ? textOf(element).includes(hasText) : hasText.test(textOf(element))))
  }

  element(selector: string, match: Match = {}): Element | undefined {
    return this.all(selector, match)[match.nth ?? 0]
  }

  count(selector: string, match: Omit<Match, 'nth'> = {}): number {
    return this.all(selector, match).length
  }

  has(selector: string, match: Match = {}): boolean {
    return this.element(selector, match) !== undefined
  }

  /** The text of the matching element; throws if there is none. */
  text(selector: string, match: Match = {}): string {
    return textOf(this.required(selector, match))
  }

  texts(selector: string, match: Omit<Match, 'nth'> = {}): string[] {
    return this.all(selector, match).map(textOf)
  }

  classes(selector: string, match: Match = {}): string[] {
    return [...this.required(selector, match).classList]
  }

  /** An attribute as the compiled template set it on the component (`src`, `value`, `disabled`, `open-type`…). */
  attr(selector: string, name: string, match: Match = {}): unknown {
    return attributeOf(this.required(selector, match), name)
  }

  /** The part of the page inside the matching element, found again at each use (it may re-render). */
  within(selector: string, match: Match = {}): View {
    return new View(this.host, () => this.required(selector, match))
  }

  /** Waits (letting the app work) until a matching element is there. */
  async waitFor(selector: string, match: Match = {}, timeoutMs = WAIT_MS): Promise<Element> {
    const started = Date.now()
    for (;;) {
      const found = this.element(selector, match)
      if (found) return found
      if (Date.now() - started > timeoutMs) throw new Error(`no ${describe(selector, match)} after ${timeoutMs} ms; the page shows: ${textOf(this.rootElement()).slice(0, 400)}`)
      await this.host.settle()
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  /** Taps the matching element once it is there; a disabled control cannot be tapped. */
  async tap(selector: string, match: Match = {}): Promise<void> {
    const target = await this.waitFor(selector, match)
    const disabled = disabledControl(target, this.rootElement())
    if (disabled) throw new Error(`${describe(selector, match)} is disabled (${disabled.tagName.toLowerCase()})`)
    const touch = { identifier: 0, pageX: 1, pageY: 1, clientX: 1, clientY: 1 }
    this.dispatch(target, 'touchstart', {}, { touches: [touch], changedTouches: [touch] })
    this.dispatch(target, 'touchend', {}, { touches: [], changedTouches: [touch] })
    this.dispatch(target, 'tap', { x: 1, y: 1 }, { touches: [], changedTouches: [touch] })
    await this.host.settle()
    const button = target.closest('wx-button')
    const openType = button && attributeOf(button, 'open-type')
    if (typeof openType === 'string' && openType) await this.host.openType(openType, button)
  }

  /** Types `value` into the input or textarea at (or inside) the matching element. */
  async input(selector: string, value: string, match: Match = {}): Promise<void> {
    const found = await this.waitFor(selector, match)
    const field = found.matches('wx-input, wx-textarea') ? found : found.querySelector('wx-input, wx-textarea')
    if (!field) throw new Error(`${describe(selector, match)} has no input or textarea`)
    if (attributeOf(field, 'disabled')) throw new Error(`${describe(selector, match)} is disabled`)
    this.dispatch(field, 'focus', { value: attributeOf(field, 'value') ?? '' })
    this.dispatch(field, 'input', { value, cursor: value.length, keyCode: 0 })
    this.dispatch(field, 'blur', { value })
    await this.host.settle()
  }

  /** A `change` from a picker, switch or similar control, with the detail WeChat gives it. */
  async change(selector: string, detail: Record<string, unknown>, match: Match = {}): Promise<void> {
    const found = await this.waitFor(selector, match)
    const control = found.matches('wx-picker, wx-switch, wx-checkbox-group, wx-radio-group, wx-slider')
      ? found
      : found.closest('wx-picker, wx-switch, wx-checkbox-group, wx-radio-group, wx-slider')
    if (!control) throw new Error(`${describe(selector, match)} is not in a picker, switch or group`)
    if (attributeOf(control, 'disabled')) throw new Error(`${describe(selector, match)} is disabled`)
    this.dispatch(control, 'change', detail)
    await this.host.settle()
  }

  protected required(selector: string, match: Match): Element {
    const found = this.element(selector, match)
    if (!found) throw new Error(`no ${describe(selector, match)}; the page shows: ${textOf(this.rootElement()).slice(0, 400)}`)
    return found
  }

  private dispatch(target: Element, name: string, detail: unknown, extraFields?: Record<string, unknown>): void {
    const node = (target as Element & { __wxElement?: unknown }).__wxElement
    if (!node) throw new Error(`<${target.tagName.toLowerCase()}> is not a rendered mini program node`)
    const { Event } = this.host.exparser
    Event.dispatchEvent(node, Event.create(name, detail, { bubbles: true, composed: true, capturePhase: true, extraFields }))
  }
}

/** A WXML attribute (`open-type`) as wcc's render function set it on the node (`openType`). */
function attributeOf(element: Element, name: string): unknown {
  const node = (element as Element & { __wxElement?: { _vt?: { attrs: Array<{ name: string; value: unknown }> } } }).__wxElement
  const compiled = name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
  return node?._vt?.attrs.find((a) => a.name === compiled)?.value
}

/** The control, at the target or around it, whose `disabled` would swallow the tap. */
function disabledControl(target: Element, root: Element): Element | undefined {
  for (let element: Element | null = target; element && element !== root; element = element.parentElement) {
    if (FORM_CONTROLS.has(element.tagName.toLowerCase()) && attributeOf(element, 'disabled')) return element
  }
  return undefined
}

function describe(selector: string, match: Match): string {
  const text = match.hasText === undefined ? '' : ` with text ${String(match.hasText)}`
  return `${selector}${text}${match.nth ? ` #${match.nth}` : ''}`
}
