import type { ReactNode } from 'react'
import type { CombinedError } from 'urql'
import { ErrorState } from '@/components/ErrorState'
import { LoadingState } from '@/components/LoadingState'
import styles from './HomePage.module.css'

/** One block of the home page: a heading and what it is about. */
export function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={styles.block} aria-labelledby={id}>
      <h2 id={id} className={styles.blockTitle}>
        {title}
      </h2>
      {children}
    </section>
  )
}

/**
 * A block's data: the error (with a retry) when there is no data, a short skeleton while
 * it loads, else the content. Each block loads and fails on its own.
 */
export function BlockData<T>({
  data,
  error,
  retry,
  children,
}: {
  data: T | undefined
  error: CombinedError | undefined
  retry: () => void
  children: (data: T) => ReactNode
}) {
  if (data === undefined) {
    if (error) return <ErrorState error={error} onRetry={retry} headingLevel={2} />
    return <LoadingState lines={2} />
  }
  return children(data)
}
