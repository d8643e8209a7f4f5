import '@testing-library/jest-dom/vitest'
import { configure } from '@testing-library/dom'
import { afterEach } from 'vitest'

// A busy two-core CI machine renders the first test of a file slowly; give findBy* and
// waitFor the time a person would wait, not the default second.
configure({ asyncUtilTimeout: 5000 })

// Component tests run in jsdom; unmount what they rendered. Pure tests run in Node.
afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react')
    cleanup()
    localStorage.clear()
  }
})

if (typeof window !== 'undefined') {
  // jsdom does not implement scrolling; react-router's ScrollRestoration calls it.
  window.scrollTo = () => undefined
  Element.prototype.scrollIntoView = () => undefined

  // jsdom has <dialog> but not its modal methods: open and close it by the attribute.
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
}
