/**
 * The plan feature's GraphQL operations. Each query spreads the fragments of the
 * components that render its result; the fragments live beside those components.
 */
import { graphql } from '@/gql'

/** Every plan generation, oldest first: for `/`, the header and the navigation. */
export const PlansQuery = graphql(`
  query Plans {
    plans {
      id
      code
      nameJa
      nameEn
      startFiscalYear
      endFiscalYear
    }
  }
`)

/** One plan with its tree and indicators: the plan explorer. */
export const PlanExplorerQuery = graphql(`
  query PlanExplorer($code: String!) {
    plan(code: $code) {
      id
      code
      nameJa
      nameEn
      ...PlanSummary_plan
      ...PlanTree_plan
      ...IndicatorSection_plan
    }
  }
`)

/** One policy direction with its place in the plan: the direction page. */
export const DirectionPageQuery = graphql(`
  query DirectionPage($id: ID!) {
    policyDirection(id: $id) {
      id
      code
      nameJa
      nameEn
      isNew
      plan {
        id
        code
      }
      ...DirectionBreadcrumb_direction
      policy {
        id
        directions {
          id
          ...DirectionLink_direction
        }
      }
    }
  }
`)
