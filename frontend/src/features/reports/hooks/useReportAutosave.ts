import { useEffect, useState, useSyncExternalStore } from 'react'
import { useClient, type Client } from 'urql'
import { getFragmentData } from '@/gql'
import { useSessionController } from '@/features/session'
import { ReportContentFragment, SaveReportMutation } from '../api/operations'
import { isDirty, ReportAutosave, type AutosaveState, type ReportDoc, type SaveOutcome } from '../model/autosave'
import { valuesFromReport, type ReportInput } from '../model/reportValues'
import { saveOutcomeOfError } from '../model/saveErrors'

export function draftKey(reportId: string): string {
  return `reports.report.${reportId}`
}

export async function saveReport(
  client: Client,
  id: string,
  input: ReportInput,
  expectedVersion: number,
): Promise<SaveOutcome> {
  const result = await client.mutation(SaveReportMutation, { id, input, expectedVersion }).toPromise()
  const saved = result.data?.saveReport
  if (saved) {
    return {
      kind: 'saved',
      version: saved.version,
      base: valuesFromReport(getFragmentData(ReportContentFragment, saved)),
      savedAt: saved.updatedAt,
    }
  }
  return saveOutcomeOfError(result.error)
}

/**
 * The editor's autosave for one report. What the writer typed is mirrored into the
 * session's in-memory drafts (never into storage): when the session expires, the sign-in
 * page takes over, and the same person signing in again finds their text, still to be
 * saved against the version it started from (a conflict shows if someone saved since).
 * Leaving the page on purpose saves what is pending and drops the draft.
 */
export function useReportAutosave(
  reportId: string,
  initial: () => ReportDoc,
): { controller: ReportAutosave; state: AutosaveState } {
  const session = useSessionController()
  const client = useClient()
  const key = draftKey(reportId)
  const [controller] = useState(() => {
    const stored = session.drafts.get(key) as ReportDoc | undefined
    return new ReportAutosave({
      doc: stored && isDirty(stored) ? stored : initial(),
      save: (input, expectedVersion) => saveReport(client, reportId, input, expectedVersion),
    })
  })
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState)

  useEffect(() => {
    session.drafts.set(key, controller.getState().doc)
    const unsubscribe = controller.subscribe(() => {
      session.drafts.set(key, controller.getState().doc)
    })
    controller.start()
    return () => {
      unsubscribe()
      // Leaving: save what is pending (not when the session has ended: nothing would go through).
      if (session.getState().status === 'signedIn') void controller.flush()
      controller.dispose()
      if (!session.keepsDrafts()) session.drafts.delete(key)
    }
  }, [session, controller, key])

  // Saves when the tab is hidden (switching away, closing a laptop).
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void controller.flush()
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (controller.isSaved()) return
      void controller.flush()
      event.preventDefault()
    }
    document.addEventListener('visibilitychange', onHidden)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      document.removeEventListener('visibilitychange', onHidden)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [controller])

  return { controller, state }
}
