import { Input, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { addressFieldText, errorText, rulesProblemText } from '../../i18n/zh-CN'
import type { CloudError } from '../../services/cloud'
import type { Outcome } from '../../stores/load-state'

// The fields of HQ's rule forms: each saves a new version, and shows the server's reasons under the fields it refused.

export type Refusals = Record<string, string>

/**
 * The server's reasons, by the field they name: the rules schemas answer with a code (commission's
 * are error codes, attribution's rules problems), anything else is the call's own words.
 */
export function refusalsOf(error: CloudError): Refusals {
  const issues = error.details.issues
  if (error.code !== 'INVALID_INPUT' || !Array.isArray(issues)) return { form: error.message }
  const refusals: Refusals = {}
  for (const { path, message } of issues as Array<{ path: string; message: string }>) {
    const text = message.startsWith('RULES_') ? rulesProblemText(message) : message.startsWith('ADDRESS_') ? addressFieldText(message) : errorText(message)
    refusals[path.replace(/^rules\./, '')] = text
  }
  return refusals
}

export interface FieldProps {
  label: string
  name: string
  value: string
  refusals: Refusals
  onInput: (value: string) => void
}

export function Field({ label, name, value, refusals, onInput }: FieldProps) {
  return (
    <>
      <Text className='hq-page__label'>{label}</Text>
      <Input className={`hq-page__input hq-rules__${name.replace(/\./g, '-')}`} type='digit' value={value} maxlength={12} onInput={(event) => onInput(event.detail.value)} />
      {refusals[name] && <Text className='hq-page__error'>{refusals[name]}</Text>}
    </>
  )
}

/** Saves one card's rules; the card shows the server's reasons under the fields it refused. */
export function useSave() {
  const [refusals, setRefusals] = useState<Refusals>({})
  const save = async (request: () => Promise<Outcome<unknown>>) => {
    setRefusals({})
    const outcome = await request()
    if (outcome.ok) void Taro.showToast({ title: '已保存，新版本生效', icon: 'none' })
    else setRefusals(refusalsOf(outcome.error))
  }
  return { refusals, save }
}
