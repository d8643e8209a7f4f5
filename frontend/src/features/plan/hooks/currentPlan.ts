import { createContext, useContext, useEffect } from 'react'

export interface CurrentPlanState {
  /** The code of the plan the user is looking at, once a page has said so. */
  code: string | null
  setCode: (code: string) => void
}

/**
 * Which plan the user is in. Pages that load a plan (the explorer, a direction page)
 * announce it, so the header can show the plan's name and link back to it.
 */
export const CurrentPlanContext = createContext<CurrentPlanState>({
  code: null,
  setCode: () => undefined,
})

export function useCurrentPlanCode(): string | null {
  return useContext(CurrentPlanContext).code
}

/** Tells the header which plan this page shows. */
export function useAnnounceCurrentPlan(code: string | null | undefined): void {
  const { setCode } = useContext(CurrentPlanContext)
  useEffect(() => {
    if (code) setCode(code)
  }, [code, setCode])
}
