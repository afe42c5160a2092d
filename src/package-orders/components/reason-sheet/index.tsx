import { Text, Textarea, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { ActionButton } from '../../../components/action-button'
import { LengthCounter } from '../../../components/length-counter'
import { REASON_MAX_LENGTH, composeReason, noteRoom } from '../../../core/reason'
import './index.less'

interface ReasonSheetProps {
  title: string
  reasons: string[]
  /** With a text box for the buyer's own words, added to the picked reason (or standing alone). */
  withInput?: boolean
  inputPlaceholder?: string
  confirmText: string
  busy: boolean
  /** What else the sheet asks, above the reasons (the lines of a refund). */
  children?: ReactNode
  /** False while that part is not answered: the confirm button waits. */
  ready?: boolean
  onConfirm: (reason: string) => void
  onClose: () => void
}

/** A bottom sheet asking why: reasons to pick, and optionally the buyer's own words. */
export function ReasonSheet(props: ReasonSheetProps) {
  const { title, reasons, withInput = false, inputPlaceholder, confirmText, busy, children, ready = true, onConfirm, onClose } = props
  const [picked, setPicked] = useState<string | null>(null)
  const [text, setText] = useState('')
  const reason = composeReason(picked, text)
  // A note written before a reason was picked may not fit beside it: the counter says so, and the sheet waits.
  const fits = reason.length <= REASON_MAX_LENGTH

  return (
    <View className='reason-sheet'>
      <View className='reason-sheet__mask' onClick={() => !busy && onClose()} />
      <View className='reason-sheet__panel'>
        <Text className='reason-sheet__title'>{title}</Text>
        {children}
        <View className='reason-sheet__reasons'>
          {reasons.map((r) => (
            <Text
              key={r}
              className={`reason-sheet__reason${picked === r ? ' reason-sheet__reason--picked' : ''}`}
              onClick={() => setPicked(r)}
            >
              {r}
            </Text>
          ))}
        </View>
        {withInput && (
          <>
            <Textarea
              className='reason-sheet__input'
              value={text}
              maxlength={noteRoom(picked)}
              placeholder={inputPlaceholder}
              onInput={(event) => setText(event.detail.value)}
            />
            <LengthCounter className='reason-sheet__counter' length={reason.length} max={REASON_MAX_LENGTH} />
          </>
        )}
        <View className='reason-sheet__buttons'>
          <ActionButton className='reason-sheet__cancel' disabled={busy} onClick={onClose}>再想想</ActionButton>
          <ActionButton className='reason-sheet__confirm' disabled={busy || !reason || !fits || !ready} loading={busy} onClick={() => reason && fits && ready && onConfirm(reason)}>
            {confirmText}
          </ActionButton>
        </View>
      </View>
    </View>
  )
}
