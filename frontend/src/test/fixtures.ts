/**
 * A trimmed copy of the Omitama demo plan, shaped like the API's answers, for component
 * tests: two goals (one direction marked new), a percentage indicator, a count indicator
 * and a whole-plan indicator.
 */

const direction = (id: string, code: string, nameJa: string, nameEn: string, isNew = false) => ({
  id,
  code,
  nameJa,
  nameEn,
  isNew,
  // Its rating in each evaluation the caller may read: none published in the fixture.
  ratings: [] as { fiscalYear: number; evaluationStatus: string; rating: string | null }[],
})

export const plan = {
  id: 'plan-3',
  code: 'omitama-3',
  nameJa: '第3次小美玉市地域福祉計画',
  nameEn: 'The 3rd Omitama City Community Welfare Plan',
  startFiscalYear: 2021,
  endFiscalYear: 2025,
  philosophyJa: 'ぬくもりあふれるまちづくり',
  philosophyEn: 'Building a town overflowing with warmth',
  sloganJa: 'ぬくもりあふれる福祉が、みんなを笑顔に。',
  sloganEn: "Welfare overflowing with warmth puts a smile on everyone's face.",
  goals: [
    {
      id: 'goal-1',
      code: '1',
      nameJa: '地域で共に支えあう あたたかな心づくり',
      nameEn: 'Nurturing warm hearts that support one another',
      policies: [
        {
          id: 'policy-1-3',
          code: '1-3',
          nameJa: '地域福祉を支える人材の育成と活動の活性化',
          nameEn: 'People who sustain community welfare, and their activities',
          directions: [
            direction('dir-1-3-1', '1-3-1', '地域活動・ボランティアの人材やリーダーの育成', 'Training community and volunteer workers and leaders'),
            direction('dir-1-3-4', '1-3-4', '福祉・介護人材、専門職の確保への支援', 'Securing welfare and care workers and professionals', true),
          ],
        },
      ],
    },
    {
      id: 'goal-3',
      code: '3',
      nameJa: '安全・安心に暮らせるまちづくり',
      nameEn: 'A town where people live safely and securely',
      policies: [
        {
          id: 'policy-3-3',
          code: '3-3',
          nameJa: '地域福祉のネットワークづくり',
          nameEn: 'The community welfare network',
          directions: [direction('dir-3-3-3', '3-3-3', '見守り体制の充実', 'Watch-over (mimamori) networks')],
        },
      ],
    },
  ],
  indicators: [
    {
      id: 'ind-1',
      code: 'I1',
      nameJa: '地域社会の住民同士での支え合い活動が必要だと「思う」と回答した割合',
      nameEn: 'Residents who think mutual-support activity among residents is needed',
      unit: 'PERCENT',
      unitLabelJa: null,
      unitLabelEn: null,
      baselineValue: 85.3,
      baselineFiscalYear: 2020,
      targetValue: 90,
      targetFiscalYear: 2025,
      source: 'アンケート調査',
      sourceEn: 'Resident survey',
      goal: { id: 'goal-1' },
      values: [
        { fiscalYear: 2015, value: 85.3 },
        { fiscalYear: 2020, value: 85.3 },
      ],
    },
    {
      id: 'ind-9',
      code: 'I9',
      nameJa: '学区コミュニティ組織数',
      nameEn: 'School-district community organisations',
      unit: 'COUNT',
      unitLabelJa: '組織',
      unitLabelEn: 'organisations',
      baselineValue: 9,
      baselineFiscalYear: 2020,
      targetValue: 12,
      targetFiscalYear: 2025,
      source: '市民協働課',
      sourceEn: 'Citizen Collaboration Division',
      goal: { id: 'goal-3' },
      values: [
        { fiscalYear: 2015, value: 8 },
        { fiscalYear: 2020, value: 9 },
      ],
    },
    {
      id: 'ind-10',
      code: 'I10',
      nameJa: '市民と行政の協働が進んでいると回答した割合',
      nameEn: 'Residents who feel citizen-government partnership is progressing',
      unit: 'PERCENT',
      unitLabelJa: null,
      unitLabelEn: null,
      baselineValue: 41.2,
      baselineFiscalYear: 2020,
      targetValue: 50,
      targetFiscalYear: 2025,
      source: 'アンケート調査',
      sourceEn: 'Resident survey',
      goal: null,
      values: [{ fiscalYear: 2020, value: 41.2 }],
    },
  ],
}

const planRef = { id: plan.id, code: plan.code, nameJa: plan.nameJa, nameEn: plan.nameEn }

/** The answer to `DirectionPage` for a direction of the fixture, or undefined. */
export function directionAnswer(id: string) {
  for (const goal of plan.goals) {
    for (const policy of goal.policies) {
      const found = policy.directions.find((d) => d.id === id)
      if (found) {
        return {
          ...found,
          owners: [] as { role: string; organization: { id: string; nameJa: string; nameEn: string } | null }[],
          plan: planRef,
          goal: { code: goal.code, nameJa: goal.nameJa, nameEn: goal.nameEn },
          policy: {
            id: policy.id,
            code: policy.code,
            nameJa: policy.nameJa,
            nameEn: policy.nameEn,
            directions: policy.directions,
          },
        }
      }
    }
  }
  return undefined
}

export const plansAnswer = {
  plans: [
    {
      id: plan.id,
      code: plan.code,
      nameJa: plan.nameJa,
      nameEn: plan.nameEn,
      startFiscalYear: plan.startFiscalYear,
      endFiscalYear: plan.endFiscalYear,
    },
  ],
}
