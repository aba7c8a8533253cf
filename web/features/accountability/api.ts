import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, qs } from '../../lib/api';
import type * as acc from '../../../src/contracts/accountability';
import type * as imp from '../../../src/contracts/imports';
import type * as notes from '../../../src/contracts/notifications';

export type Scorecards = z.infer<typeof acc.ScorecardsReport>;
export type Scorecard = z.infer<typeof acc.PartnerScorecard>;
export type DueItem = z.infer<typeof acc.DueItemOut>;
export type Timeliness = z.infer<typeof acc.TimelinessOut>;
export type OverdueBoard = z.infer<typeof acc.OverdueBoard>;
export type Dashboard = z.infer<typeof acc.Dashboard>;
export type Light = z.infer<typeof acc.Light>;
export type ImportKinds = z.infer<typeof imp.ImportKinds>;
export type ImportKind = ImportKinds['items'][number];
export type ImportReport = z.infer<typeof imp.ImportReport>;
export type ImportProblem = z.infer<typeof imp.ImportProblem>;
export type NotificationSettings = z.infer<typeof notes.NotificationSettings>;
export type NotificationSettingsBody = z.input<typeof notes.UpdateNotificationSettingsBody>;

/** Everything under ['partnership', id], so the workspace's live events refresh it too. */
export const aKeys = {
  dashboard: (id: string) => ['partnership', id, 'accountability', 'dashboard'] as const,
  scorecards: (id: string) => ['partnership', id, 'accountability', 'scorecards'] as const,
  overdue: (id: string, partner: string | null, kind: string | null) => ['partnership', id, 'accountability', 'overdue', partner ?? 'all', kind ?? 'all'] as const,
  imports: (id: string) => ['partnership', id, 'imports'] as const,
  notifications: ['me', 'notifications'] as const,
};

const base = (id: string) => `/partnerships/${id}/accountability`;

export function useDashboard(id: string) {
  return useQuery({ queryKey: aKeys.dashboard(id), queryFn: () => api.get<Dashboard>(`${base(id)}/dashboard`) });
}

export function useScorecards(id: string) {
  return useQuery({ queryKey: aKeys.scorecards(id), queryFn: () => api.get<Scorecards>(`${base(id)}/scorecards`) });
}

export function useOverdue(id: string, partner: string | null, kind: string | null) {
  return useQuery({
    queryKey: aKeys.overdue(id, partner, kind),
    queryFn: () => api.get<OverdueBoard>(`${base(id)}/overdue${qs({ partner, kind })}`),
    placeholderData: keepPreviousData,
  });
}

export function useImportKinds(id: string) {
  return useQuery({ queryKey: aKeys.imports(id), queryFn: () => api.get<ImportKinds>(`/partnerships/${id}/imports`) });
}

export function useNotificationSettings() {
  return useQuery({ queryKey: aKeys.notifications, queryFn: () => api.get<NotificationSettings>('/me/notifications') });
}

export function useSaveNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationSettingsBody) => api.put<NotificationSettings>('/me/notifications', body),
    onSuccess: (data) => qc.setQueryData(aKeys.notifications, data),
  });
}

/** Where an overdue item is handled: its commitment (resources) or its indicator (results). */
export function refPath(partnershipId: string, ref: DueItem['ref']): string {
  return ref.kind === 'commitment' ? `/partnerships/${partnershipId}/resources/commitments/${ref.id}` : `/partnerships/${partnershipId}/results/indicators/${ref.id}`;
}
