import '@testing-library/jest-dom/vitest'
import { afterEach } from 'vitest'

// Component tests run in jsdom; unmount what they rendered. Pure tests run in Node.
afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react')
    cleanup()
    localStorage.clear()
  }
})

// jsdom does not implement scrolling; react-router's ScrollRestoration calls it.
if (typeof window !== 'undefined') {
  window.scrollTo = () => undefined
}
