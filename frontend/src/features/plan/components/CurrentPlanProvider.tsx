import { useMemo, useState, type ReactNode } from 'react'
import { CurrentPlanContext } from '../hooks/currentPlan'

export function CurrentPlanProvider({ children }: { children: ReactNode }) {
  const [code, setCode] = useState<string | null>(null)
  const value = useMemo(() => ({ code, setCode }), [code])
  return <CurrentPlanContext value={value}>{children}</CurrentPlanContext>
}
