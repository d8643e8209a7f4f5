import { NotFoundContent } from '@/components/NotFoundContent'

/** Any path the app does not know. */
export function NotFoundPage() {
  return <NotFoundContent />
}
