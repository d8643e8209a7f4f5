import type { RouteObject } from 'react-router'
import { DirectionPage, PlanExplorerPage, PlanIndexRedirect } from '@/features/plan'
import { AppShell } from './shell/AppShell'
import { NotFoundPage } from './shell/NotFoundPage'
import { RouteErrorBoundary } from './shell/RouteErrorBoundary'

/**
 * The route table. The shell stays on screen for every page; a render error replaces only
 * the page's content (the pathless child route carries the error boundary).
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
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]
