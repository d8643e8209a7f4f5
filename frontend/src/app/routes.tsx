import { Navigate, type RouteObject } from 'react-router'
import { LoadingState } from '@/components/LoadingState'
import { HomePage } from '@/features/home'
import { DirectionPage, PlanExplorerPage, PlanIndexRedirect } from '@/features/plan'
import { ChangePasswordPage, LoginPage, RequireSession } from '@/features/session'
import { ADMINISTRATION_ROLES } from '@/lib/roles'
import { AppShell } from './shell/AppShell'
import { NotFoundPage } from './shell/NotFoundPage'
import { RouteErrorBoundary } from './shell/RouteErrorBoundary'

/** The administration screens load on first use: the public never downloads them. */
const admin = () => import('@/features/admin')

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
            element: <RequireSession />,
            children: [
              { path: 'home', element: <HomePage /> },
              { path: 'account/password', element: <ChangePasswordPage /> },
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
              { path: 'audit', lazy: async () => ({ Component: (await admin()).AuditPage }) },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]
