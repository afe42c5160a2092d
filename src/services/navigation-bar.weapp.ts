/** WeChat draws and runs its own navigation bar: nothing to do. */
export function wireNavigationBar(): () => void {
  return () => undefined
}
