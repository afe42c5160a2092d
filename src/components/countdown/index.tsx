import { Text } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { countdownText } from '../../core/time'

/** A clock that counts down to `until`, once a second, and stops at 0:00. */
export function Countdown({ until, className }: { until: Date; className?: string }) {
  const [now, setNow] = useState(() => new Date())
  const over = now.getTime() >= until.getTime()
  useEffect(() => {
    if (over) return undefined
    const timer = setInterval(() => setNow(new Date()), 1000)
    return () => clearInterval(timer)
  }, [over])
  return <Text className={className}>{countdownText(until, now)}</Text>
}
