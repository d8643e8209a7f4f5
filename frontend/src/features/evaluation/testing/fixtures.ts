/**
 * A trimmed annual evaluation shaped like the API's answer, for the feature's tests: two
 * goals, three directions (one overridden, one without an accepted report), a measured
 * percentage indicator, an unmeasured count indicator owned by 防災管理課, and two opinions
 * (one carried over from the previous year).
 */
import type { EvaluationData } from '../api/operations'

const counts = (a: number, b: number, c: number, d: number, unrated: number) => ({ a, b, c, d, unrated, total: a + b + c + d })

export const plan = {
  id: 'plan-3',
  code: 'omitama-3',
  nameJa: '第3次小美玉市地域福祉計画',
  nameEn: 'The 3rd Omitama City Community Welfare Plan',
  startFiscalYear: 2021,
  endFiscalYear: 2025,
}

const welfare = { id: 'org-welfare', nameJa: '社会福祉課', nameEn: 'Social Welfare Division' }
const council = { id: 'org-council', nameJa: '小美玉市社会福祉協議会', nameEn: 'Omitama Council of Social Welfare' }
const bousai = { id: 'org-bousai', nameJa: '防災管理課', nameEn: 'Disaster Management Division' }

export function evaluationFixture(overrides: Partial<EvaluationData> = {}): EvaluationData {
  return {
    id: 'eval-2024',
    fiscalYear: 2024,
    status: 'PUBLISHED',
    compiledAt: '2025-05-01T01:00:00Z',
    finalizedAt: '2025-07-01T01:00:00Z',
    publishedAt: '2025-07-15T01:00:00Z',
    ratingRule: '施策の方向の評価案は、受理済みの年度末報告の自己評価から求めます。',
    assessment: '見守りと居場所づくりが着実に広がった。',
    ratingCounts: counts(1, 0, 1, 0, 1),
    shareAOrB: 0.5,
    yearOverYear: { previousShareAOrB: 0.4, currentShareAOrB: 0.5, change: 0.1 },
    goals: [
      {
        goal: { id: 'goal-1', code: '1', nameJa: '地域で共に支えあう あたたかな心づくり', nameEn: 'Nurturing warm hearts that support one another' },
        assessment: '概ね計画どおり進んだ。',
        ratingCounts: counts(1, 0, 1, 0, 0),
        shareAOrB: 0.5,
        yearOverYear: { previousShareAOrB: 0.75, currentShareAOrB: 0.5, change: -0.25 },
        directions: [
          {
            direction: { id: 'dir-1-1-1', code: '1-1-1', nameJa: '学校や地域における福祉教育の充実', nameEn: 'Welfare education in schools and communities', isNew: false },
            rating: 'A',
            proposedRating: 'A',
            overrideReason: null,
            reports: [],
            interimReports: [],
            missingReports: [],
            summaries: [
              {
                organization: council,
                activities: [
                  {
                    title: '地域サロンの運営支援',
                    description: 'ふれあいサロンの立ち上げを支援した。',
                    actor: 'COUNCIL',
                    figures: [{ name: '実施回数', unit: '回', planned: 55, actual: 48 }],
                  },
                ],
                resultsSummary: '計画55回に対し48回実施した。',
                selfRating: 'A',
                ratingReason: null,
                issues: '担い手の高齢化が課題である。',
                nextStep: 'CONTINUE',
                nextStepReason: '地区ごとに見直しながら継続する。',
              },
            ],
          },
          {
            direction: { id: 'dir-1-1-2', code: '1-1-2', nameJa: '地域福祉の広報・啓発活動の充実', nameEn: 'Publicity and awareness of community welfare', isNew: false },
            rating: 'C',
            proposedRating: 'A',
            overrideReason: '一部地区で未実施のため一段階下げた。',
            reports: [],
            interimReports: [],
            missingReports: [],
            summaries: [],
          },
        ],
      },
      {
        goal: { id: 'goal-3', code: '3', nameJa: '安全・安心に暮らせるまちづくり', nameEn: 'A town where people live safely and securely' },
        assessment: null,
        ratingCounts: counts(0, 0, 0, 0, 1),
        shareAOrB: null,
        yearOverYear: { previousShareAOrB: 0.5, currentShareAOrB: null, change: null },
        directions: [
          {
            direction: { id: 'dir-3-2-1', code: '3-2-1', nameJa: '災害時における地域防災体制づくり', nameEn: 'Community disaster preparedness', isNew: false },
            rating: null,
            proposedRating: null,
            overrideReason: null,
            reports: [],
            interimReports: [],
            missingReports: [],
            summaries: [],
          },
        ],
      },
    ],
    indicators: [
      {
        indicator: {
          id: 'ind-1',
          code: 'I1',
          nameJa: '支え合い活動が必要だと「思う」と回答した割合',
          nameEn: 'Residents who think mutual support is needed',
          unit: 'PERCENT',
          unitLabelJa: null,
          unitLabelEn: null,
          baselineValue: 85.3,
          baselineFiscalYear: 2020,
          targetValue: 90,
          targetFiscalYear: 2025,
          sourceOrganization: null,
          goal: { id: 'goal-1', code: '1' },
        },
        value: 86.8,
        achievementRate: 0.31914893617021256,
        expectedValue: 89.06,
        grade: 'BEHIND',
        gradeLabel: '遅れ',
        previousTrend: { fromYear: 2015, toYear: 2020, change: 0, direction: 'UNCHANGED' },
        source: '市民意識調査',
      },
      {
        indicator: {
          id: 'ind-8',
          code: 'I8',
          nameJa: '地域の自主防災組織',
          nameEn: 'Voluntary disaster-prevention organisations',
          unit: 'COUNT',
          unitLabelJa: '組織',
          unitLabelEn: 'organisations',
          baselineValue: 9,
          baselineFiscalYear: 2020,
          targetValue: 12,
          targetFiscalYear: 2025,
          sourceOrganization: { id: bousai.id },
          goal: { id: 'goal-3', code: '3' },
        },
        value: null,
        achievementRate: null,
        expectedValue: 11.4,
        grade: 'NOT_MEASURED',
        gradeLabel: '今年度は未測定',
        previousTrend: { fromYear: 2015, toYear: 2020, change: 1, direction: 'IMPROVED' },
        source: null,
      },
    ],
    opinions: [
      {
        id: 'op-1',
        fiscalYear: 2024,
        targetCode: null,
        body: '若い世代への周知を強めてほしい。',
        author: null,
        createdAt: '2025-06-01T01:00:00Z',
        response: '次年度の事業計画に反映します。',
        reflection: '次年度に反映',
        respondedAt: '2025-06-20T01:00:00Z',
      },
      {
        id: 'op-0',
        fiscalYear: 2023,
        targetCode: '3',
        body: '担い手の育成について、地区ごとの目標を示してはどうか。',
        author: null,
        createdAt: '2024-06-01T01:00:00Z',
        response: null,
        reflection: null,
        respondedAt: null,
      },
    ],
    ...overrides,
  }
}

/** The same evaluation as a signed-in reader of a draft sees it: with the missing reports. */
export function draftFixture(): EvaluationData {
  const evaluation = evaluationFixture({ status: 'DRAFT', finalizedAt: null, publishedAt: null, fiscalYear: 2025, id: 'eval-2025' })
  const goal3 = evaluation.goals[1]
  const row = goal3?.directions[0]
  if (row) {
    row.missingReports = [
      { organization: bousai, status: 'DRAFT' },
      { organization: welfare, status: 'NOT_STARTED' },
    ]
  }
  return evaluation
}

export const organizations = { welfare, council, bousai }
