import { Navigate, type RouteObject } from 'react-router'
import { LoadingState } from '@/components/LoadingState'
import { HomePage } from '@/features/home'
import { DirectionPage, PlanExplorerPage, PlanIndexRedirect } from '@/features/plan'
import { ChangePasswordPage, LoginPage, RequireSession } from '@/features/session'
import { ADMINISTRATION_ROLES } from '@/lib/roles'
import { AppShell } from './shell/AppShell'
import { PLAN_OFFICE_ROLES, REVIEW_ROLES } from './shell/navRoles'
import { NotFoundPage } from './shell/NotFoundPage'
import { RouteErrorBoundary } from './shell/RouteErrorBoundary'

/** The administration screens load on first use: the public never downloads them. */
const admin = () => import('@/features/admin')

/** The report screens, for the people who write reports, load on first use too. */
const reports = () => import('@/features/reports')

/** The review queue, the account settings and the invitation page load on first use too. */
const review = () => import('@/features/review')
const account = () => import('@/features/account')

/** The annual evaluation (with ECharts) loads on first use: open to the public, but heavy. */
const evaluation = () => import('@/features/evaluation')

/**
 * The route table. The shell stays on screen for every page; a render error replaces only
 * the page's content (the pathless child route carries the error boundary). Pages for
 * signed-in people sit under `RequireSession`, which sends others to `/login` and back.
 */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      {
        errorElement: <RouteErrorBoundary />,
        children: [
          { index: true, element: <PlanIndexRedirect /> },
          { path: 'plans/:code', element: <PlanExplorerPage /> },
          { path: 'directions/:id', element: <DirectionPage /> },
          { path: 'login', element: <LoginPage /> },
          {
            path: 'evaluations',
            hydrateFallbackElement: <LoadingState />,
            children: [
              { index: true, lazy: async () => ({ Component: (await evaluation()).EvaluationIndexRedirect }) },
              { path: ':planCode', lazy: async () => ({ Component: (await evaluation()).EvaluationIndexRedirect }) },
              { path: ':planCode/:fiscalYear', lazy: async () => ({ Component: (await evaluation()).EvaluationPage }) },
            ],
          },
          {
            path: 'invitations/:token',
            hydrateFallbackElement: <LoadingState />,
            lazy: async () => ({ Component: (await account()).InvitationPage }),
          },
          {
            path: 'account/notifications',
            element: <RequireSession />,
            hydrateFallbackElement: <LoadingState />,
            children: [{ index: true, lazy: async () => ({ Component: (await account()).NotificationSettingsPage }) }],
          },
          {
            path: 'reviews',
            element: <RequireSession roles={REVIEW_ROLES} />,
            hydrateFallbackElement: <LoadingState />,
            children: [{ index: true, lazy: async () => ({ Component: (await review()).ReviewQueuePage }) }],
          },
          {
            element: <RequireSession />,
            children: [
              { path: 'home', element: <HomePage /> },
              { path: 'account/password', element: <ChangePasswordPage /> },
            ],
          },
          {
            path: 'reports',
            element: <RequireSession />,
            hydrateFallbackElement: <LoadingState />,
            children: [
              { index: true, lazy: async () => ({ Component: (await reports()).MyReportsPage }) },
              { path: ':id', lazy: async () => ({ Component: (await reports()).ReportPage }) },
            ],
          },
          {
            path: 'admin',
            element: <RequireSession roles={ADMINISTRATION_ROLES} />,
            // Shown while the lazily loaded screens arrive on a first visit straight to them.
            hydrateFallbackElement: <LoadingState />,
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              { path: 'users', lazy: async () => ({ Component: (await admin()).UsersPage }) },
              { path: 'users/new', lazy: async () => ({ Component: (await admin()).UserCreatePage }) },
              { path: 'users/:id', lazy: async () => ({ Component: (await admin()).UserEditPage }) },
              { path: 'organizations', lazy: async () => ({ Component: (await admin()).OrganizationsPage }) },
              { path: 'audit', lazy: async () => ({ Component: (await admin()).AuditPage }) },
              {
                element: <RequireSession roles={PLAN_OFFICE_ROLES} />,
                children: [
                  { path: 'ownership', lazy: async () => ({ Component: (await admin()).OwnershipPage }) },
                  { path: 'periods', lazy: async () => ({ Component: (await admin()).PeriodsPage }) },
                  { path: 'periods/:id', lazy: async () => ({ Component: (await admin()).CompletionPage }) },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]
