import { useQuery } from 'urql'
import { PlansQuery } from '../api/queries'

/** Every plan generation (oldest first); one request shared by `/`, the header and the nav. */
export function usePlans() {
  return useQuery({ query: PlansQuery })
}
