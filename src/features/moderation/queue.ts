// the registry's lists, so the workspace and the tables offer the same values
export { MODERATORS, REPORT_REASONS, TARGET_TYPES } from '../../resources/moderation';

// The workspace's model on the client: its tabs, sorts and filters as the database functions
// of 20261207000600_moderation_workspace.sql (and …002500, which added disputes and users) take them, and the shapes they answer.

export type QueueTab = 'listings' | 'reviews' | 'disputes' | 'users' | 'reports' | 'mine';
export type QueueSort = 'sla' | 'score' | 'age';
export type ClaimFilter = 'claimed' | 'unclaimed';

export const TABS: readonly { key: QueueTab; label: string; description: string }[] = [
  { key: 'listings', label: 'Listings', description: 'New listings awaiting approval and reported listings' },
  { key: 'reviews', label: 'Reviews', description: 'Reported reviews' },
  { key: 'disputes', label: 'Disputes', description: 'Disputed bookings to settle' },
  { key: 'users', label: 'Users', description: 'Users awaiting verification and reported users' },
  { key: 'reports', label: 'Reports', description: 'Everything customers reported' },
  { key: 'mine', label: 'Mine', description: 'Claimed by or assigned to me' },
];

export const SORTS: readonly { key: QueueSort; label: string }[] = [
  { key: 'sla', label: 'Due first' },
  { key: 'score', label: 'Highest priority' },
  { key: 'age', label: 'Oldest first' },
];

export const PAGE_SIZE = 25;
/** Until live updates land (the Realtime issue), the queue asks again this often and on focus. */
export const REFETCH_MS = 15_000;

export interface QueueParams {
  tab: QueueTab;
  sort: QueueSort;
  reason?: string;
  targetType?: string;
  claim?: ClaimFilter;
  overdue?: boolean;
  page: number;
}

const isTab = (v: string | null): v is QueueTab => TABS.some((t) => t.key === v);
const isSort = (v: string | null): v is QueueSort => SORTS.some((s) => s.key === v);

/** The workspace's state lives in the URL, so a link (the dashboard's cards) opens a tab as it was. */
export function paramsFromSearch(search: URLSearchParams): QueueParams & { item?: string } {
  const tab = search.get('tab');
  const sort = search.get('sort');
  const claim = search.get('claim');
  const overdue = search.get('overdue');
  const page = Number(search.get('page'));
  return {
    tab: isTab(tab) ? tab : 'listings',
    sort: isSort(sort) ? sort : 'sla',
    reason: search.get('reason') || undefined,
    targetType: search.get('type') || undefined,
    claim: claim === 'claimed' || claim === 'unclaimed' ? claim : undefined,
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    item: search.get('item') || undefined,
  };
}

export function searchFromParams(p: QueueParams & { item?: string }): URLSearchParams {
  const s = new URLSearchParams({ tab: p.tab });
  if (p.sort !== 'sla') s.set('sort', p.sort);
  if (p.reason) s.set('reason', p.reason);
  if (p.targetType) s.set('type', p.targetType);
  if (p.claim) s.set('claim', p.claim);
  if (p.overdue !== undefined) s.set('overdue', String(p.overdue));
  if (p.page > 1) s.set('page', String(p.page));
  if (p.item) s.set('item', p.item);
  return s;
}

/** moderation_queue_page's arguments; one row more than a page tells whether a next one exists. */
export function queuePageArgs(p: QueueParams, tenantId: string | null): Record<string, unknown> {
  return {
    p_tab: p.tab,
    p_sort: p.sort,
    ...(p.reason ? { p_reason: p.reason } : {}),
    ...(p.targetType ? { p_target_type: p.targetType } : {}),
    ...(p.claim ? { p_claim: p.claim } : {}),
    ...(p.overdue !== undefined ? { p_overdue: p.overdue } : {}),
    ...(tenantId ? { p_tenant_id: tenantId } : {}),
    p_limit: PAGE_SIZE + 1,
    p_offset: (p.page - 1) * PAGE_SIZE,
  };
}

export interface QueueRow {
  id: string;
  tenant_id: string;
  queue: string;
  target_type: string;
  target_id: string;
  status: string;
  priority_score: number;
  open_report_count: number;
  entered_queue_at: string;
  sla_due_at: string;
  claimed_by: string | null;
  claimed_by_name: string | null;
  claim_expires_at: string | null;
  assignee_id: string | null;
  version: number;
  target_title: string | null;
  target_excerpt: string | null;
  owner_name: string | null;
  report_reasons: string[];
}

export interface TabCount {
  open: number;
  overdue: number;
}

export interface WorkspaceSummary {
  tabs: Record<QueueTab, TabCount>;
  decisions_today: number;
  my_decisions_today: number;
  median_minutes_to_decision: Record<string, number>;
  sla_breaches_week: number;
}

export interface Person {
  id: string;
  name: string;
  email: string;
}

export interface ReasonTemplate {
  code: string;
  label: string;
  policy_url: string | null;
  message_template: string | null;
}

export interface ReportInContext {
  id: string;
  reason: string;
  details: string | null;
  status: string;
  resolution: string | null;
  created_at: string;
  reporter: Person | null;
  reporter_agreed: number;
  reporter_decided: number;
  reporter_accuracy_bonus: number;
  weight: number;
}

export interface HistoryEvent {
  id: number;
  event: string;
  at: string;
  details: Record<string, unknown>;
  actor: Person | null;
}

export interface ItemContext {
  item: QueueRow & {
    decided_by: string | null;
    decided_at: string | null;
    decision_reason_code: string | null;
    decision_note: string | null;
    claimed_by_person: Person | null;
    assignee: Person | null;
    decided_by_person: Person | null;
  };
  target: Record<string, unknown> | null;
  owner:
    | (Person & {
        role: string;
        status: string;
        verification_status: string;
        created_at: string;
        listings: number;
        rejected_listings: number;
        hidden_reviews: number;
        earlier_decisions: Record<string, number>;
        rating_average: number | null;
        rating_count: number;
      })
    | null;
  reports: ReportInContext[];
  history: HistoryEvent[];
  templates: ReasonTemplate[];
}

/** A set-returning function answers an array; numeric and bigint may arrive as text. */
export function toQueueRows(data: unknown): QueueRow[] {
  if (!Array.isArray(data)) return [];
  return data.map((row: QueueRow) => ({
    ...row,
    priority_score: Number(row.priority_score),
    open_report_count: Number(row.open_report_count),
    report_reasons: row.report_reasons ?? [],
  }));
}

export const OPEN_STATUSES = ['pending', 'escalated'];

/** Whether someone other than `me` holds a live claim on the item. */
export function claimedByColleague(
  item: Pick<QueueRow, 'claimed_by' | 'claim_expires_at'>,
  me: string | undefined,
  now = Date.now(),
): boolean {
  return (
    !!item.claimed_by && item.claimed_by !== me && !!item.claim_expires_at && Date.parse(item.claim_expires_at) > now
  );
}

/** Whether `me` holds a live claim on the item. */
export function claimedByMe(
  item: Pick<QueueRow, 'claimed_by' | 'claim_expires_at'>,
  me: string | undefined,
  now = Date.now(),
): boolean {
  return !!me && item.claimed_by === me && !!item.claim_expires_at && Date.parse(item.claim_expires_at) > now;
}

/** What an item is called in the pane and in messages about it: the listing's or review's title,
 * the user's name, the booking's code. */
export function itemTitle(context: Pick<ItemContext, 'item' | 'target'>): string {
  const { item, target } = context;
  if (typeof target?.title === 'string' && target.title) return target.title;
  if (typeof target?.name === 'string' && target.name) return target.name;
  if (target?.confirmation_code) return `Booking ${String(target.confirmation_code)}`;
  return `${item.target_type.replace(/_/g, ' ')} ${item.target_id.slice(0, 8)}`;
}

/** Whether any report on the item is still open (what makes an approval a "keep"). */
export const hasOpenReports = (reports: readonly Pick<ReportInContext, 'status'>[] | undefined): boolean =>
  (reports ?? []).some((r) => r.status === 'open' || r.status === 'in_review');
