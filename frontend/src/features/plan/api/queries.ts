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

/** One policy direction with its place in the plan, its owners and its ratings: the direction page. */
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
      ...DirectionOwners_direction
      ...DirectionRatings_direction
      owners {
        role
        organization {
          id
        }
      }
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

/**
 * The reports of one direction the caller may see (the server decides), for the direction
 * page. Signed-in people only; the public is shown a sign-in hint instead.
 */
export const DirectionReportsQuery = graphql(`
  query DirectionReports($directionId: ID!) {
    reports(filter: { directionId: $directionId }, first: 50) {
      nodes {
        id
        status
        selfRating
        organization {
          id
          nameJa
          nameEn
        }
        period {
          id
          fiscalYear
          kind
          quarter
          dueOn
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`)
