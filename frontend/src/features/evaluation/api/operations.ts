/**
 * The evaluation feature's GraphQL operations. The evaluation is read by one query and
 * handed down as plain data: the view models in `model/` work on its type. Mutations
 * select little: their result's type (`AnnualEvaluation`, `CommitteeOpinion`,
 * `IndicatorValue`) makes urql's document cache fetch the page's queries again.
 */
import type { ResultOf } from '@graphql-typed-document-node/core'
import { graphql } from '@/gql'

/** The plan an evaluation belongs to, by its code in the URL. */
export const EvaluationPlanQuery = graphql(`
  query EvaluationPlan($code: String!) {
    plan(code: $code) {
      id
      code
      nameJa
      nameEn
      startFiscalYear
      endFiscalYear
    }
  }
`)

/** Every plan, for `/evaluations` without a plan code. */
export const EvaluationPlansQuery = graphql(`
  query EvaluationPlans {
    plans {
      id
      code
      startFiscalYear
      endFiscalYear
    }
  }
`)

/** The evaluations of a plan the reader may see (oldest first): the year links. */
export const EvaluationYearsQuery = graphql(`
  query EvaluationYears($planId: ID!) {
    annualEvaluations(planId: $planId) {
      id
      fiscalYear
      status
    }
  }
`)

/**
 * One plan year's evaluation; null when there is none the reader may see. The selection is
 * written out here once (not as a fragment shared with the mutations): the codegen client
 * preset puts every document into the first page's bundle, so each copy would cost there.
 */
export const EvaluationQuery = graphql(`
  query Evaluation($planId: ID!, $fiscalYear: Int!) {
    annualEvaluation(planId: $planId, fiscalYear: $fiscalYear) {
      id
      fiscalYear
      status
      compiledAt
      finalizedAt
      publishedAt
      ratingRule
      assessment
      ratingCounts {
        a
        b
        c
        d
        unrated
        total
      }
      shareAOrB
      yearOverYear {
        previousShareAOrB
        currentShareAOrB
        change
      }
      goals {
        goal {
          id
          code
          nameJa
          nameEn
        }
        assessment
        ratingCounts {
          a
          b
          c
          d
          unrated
          total
        }
        shareAOrB
        yearOverYear {
          previousShareAOrB
          currentShareAOrB
          change
        }
        directions {
          direction {
            id
            code
            nameJa
            nameEn
            isNew
          }
          rating
          proposedRating
          overrideReason
          reports {
            id
            organization {
              id
            }
          }
          interimReports {
            id
            organization {
              id
              nameJa
              nameEn
            }
            selfRating
          }
          missingReports {
            organization {
              id
              nameJa
              nameEn
            }
            status
          }
          summaries {
            organization {
              id
              nameJa
              nameEn
            }
            activities {
              title
              description
              actor
              figures {
                name
                unit
                planned
                actual
              }
            }
            resultsSummary
            selfRating
            ratingReason
            issues
            nextStep
            nextStepReason
          }
        }
      }
      indicators {
        indicator {
          id
          code
          nameJa
          nameEn
          unit
          unitLabelJa
          unitLabelEn
          baselineValue
          baselineFiscalYear
          targetValue
          targetFiscalYear
          sourceOrganization {
            id
          }
          goal {
            id
            code
          }
        }
        value
        achievementRate
        expectedValue
        grade
        gradeLabel
        previousTrend {
          fromYear
          toYear
          change
          direction
        }
        source
      }
      opinions {
        id
        fiscalYear
        targetCode
        body
        author {
          id
          displayName
        }
        createdAt
        response
        reflection
        respondedAt
      }
  }
  }
`)

export type EvaluationData = NonNullable<ResultOf<typeof EvaluationQuery>['annualEvaluation']>
export type GoalData = EvaluationData['goals'][number]
export type DirectionData = GoalData['directions'][number]
export type IndicatorData = EvaluationData['indicators'][number]
export type OpinionData = EvaluationData['opinions'][number]
export type RatingCountsData = EvaluationData['ratingCounts']
export type YearOverYearData = EvaluationData['yearOverYear']
export type EvaluationStatus = EvaluationData['status']
export type SelfRating = NonNullable<DirectionData['rating']>

export const CompileEvaluationMutation = graphql(`
  mutation CompileEvaluation($planId: ID!, $fiscalYear: Int!) {
    compileAnnualEvaluation(planId: $planId, fiscalYear: $fiscalYear) {
      id
      status
      ratingCounts {
        total
        unrated
      }
      goals {
        directions {
          missingReports {
            status
          }
        }
      }
    }
  }
`)

export const OverrideRatingMutation = graphql(`
  mutation OverrideDirectionRating($evaluationId: ID!, $directionId: ID!, $rating: SelfRating!, $reason: String!) {
    overrideDirectionRating(evaluationId: $evaluationId, directionId: $directionId, rating: $rating, reason: $reason) {
      id
      status
    }
  }
`)

export const WriteAssessmentMutation = graphql(`
  mutation WriteOverallAssessment($evaluationId: ID!, $goalCode: String, $body: String!) {
    writeOverallAssessment(evaluationId: $evaluationId, goalCode: $goalCode, body: $body) {
      id
      status
    }
  }
`)

export const StartCommitteeReviewMutation = graphql(`
  mutation StartCommitteeReview($evaluationId: ID!) {
    startCommitteeReview(evaluationId: $evaluationId) {
      id
      status
    }
  }
`)

export const FinalizeEvaluationMutation = graphql(`
  mutation FinalizeAnnualEvaluation($evaluationId: ID!) {
    finalizeAnnualEvaluation(evaluationId: $evaluationId) {
      id
      status
    }
  }
`)

export const PublishEvaluationMutation = graphql(`
  mutation PublishAnnualEvaluation($evaluationId: ID!) {
    publishAnnualEvaluation(evaluationId: $evaluationId) {
      id
      status
    }
  }
`)

export const AddOpinionMutation = graphql(`
  mutation AddCommitteeOpinion($evaluationId: ID!, $targetCode: String, $body: String!) {
    addCommitteeOpinion(evaluationId: $evaluationId, targetCode: $targetCode, body: $body) {
      id
    }
  }
`)

export const RespondToOpinionMutation = graphql(`
  mutation RespondToOpinion($opinionId: ID!, $response: String!, $reflection: String!) {
    respondToOpinion(opinionId: $opinionId, response: $response, reflection: $reflection) {
      id
      response
      reflection
      respondedAt
    }
  }
`)

export const RecordIndicatorValueMutation = graphql(`
  mutation RecordIndicatorValue($indicatorId: ID!, $fiscalYear: Int!, $value: Float!, $source: String, $note: String) {
    recordIndicatorValue(indicatorId: $indicatorId, fiscalYear: $fiscalYear, value: $value, source: $source, note: $note) {
      fiscalYear
      value
      source
      note
    }
  }
`)

/**
 * The types a page's queries depend on besides what their results name: a year without
 * an evaluation answers `null` (no typename to watch), and opinions and indicator values
 * change through mutations that return other types. urql's document cache refetches a
 * query when a mutation's result carries one of these.
 */
export const EVALUATION_TYPENAMES = ['AnnualEvaluation', 'EvaluationSummary', 'CommitteeOpinion', 'IndicatorValue']
