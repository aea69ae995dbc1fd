import { useGetIdentity, useList, useNotification, type HttpError } from '@refinedev/core';
import { Alert, Badge, Button, Col, Modal, Row, Select, Space, Table, Tabs, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { humanize } from '../../components/fields/format';
import { BulkResult } from '../../components/record-actions/bulk-result';
import { toBulkOutcomes, type BulkOutcome } from '../../components/record-actions/action-payload';
import type { StaffIdentity } from '../../providers/identity';
import { getTenantScope, subscribeTenantScope } from '../../providers/tenant-scope';
import { DecisionDialog, type DecisionValues } from './decision-dialog';
import { canReject, decisionCopy, decisionsFor, undoDeadline, UNDOABLE, type Decision } from './decisions';
import { ListingChangesCard } from './listing-changes-card';
import { ItemPane } from './item-pane';
import { commandFor, moveSelection, QUEUE_KEYS } from './keyboard';
import {
  claimedByColleague,
  hasOpenReports,
  itemTitle,
  OPEN_STATUSES,
  PAGE_SIZE,
  paramsFromSearch,
  REPORT_REASONS,
  searchFromParams,
  SORTS,
  TABS,
  TARGET_TYPES,
  type QueueParams,
  type ReasonTemplate,
} from './queue';
import { QueueList } from './queue-list';
import { StatsStrip } from './stats-strip';
import { UndoBar, type UndoOffer } from './undo-bar';
import { useLiveWorkspace, viewersByItem } from './use-live-workspace';
import { useClaimWhileOpen, useItemContext, useMe, useQueuePage, useRpc, useWorkspaceSummary } from './use-moderation';

type Dialog = { decision: Decision; bulk: boolean } | null;

const TargetActions = lazy(() => import('./target-actions'));

export default function ModerationPage() {
  const [search, setSearch] = useSearchParams();
  const params = paramsFromSearch(search);
  const tenantId = useSyncExternalStore(subscribeTenantScope, getTenantScope, () => null);
  const me = useMe();
  const { open: notify } = useNotification();
  const { call, pending } = useRpc();

  const { data: identity } = useGetIdentity<StaffIdentity>();
  // refetches on every change to a moderation item; the queries come after it, so a ref
  const refetchOnChange = useRef(() => {});
  const { live, viewers } = useLiveWorkspace({
    channelTenant: tenantId ?? identity?.tenantId,
    tenantScope: tenantId,
    me,
    myName: identity?.name,
    openItemId: params.item,
    onChange: () => refetchOnChange.current(),
  });
  const openBy = useMemo(() => viewersByItem(viewers), [viewers]);

  const queue = useQueuePage(params, tenantId, live);
  const summary = useWorkspaceSummary(tenantId, live);
  const rows = queue.rows.slice(0, PAGE_SIZE);
  const hasNext = queue.rows.length > PAGE_SIZE;
  const context = useItemContext(params.item, live);
  const item = context.context?.item;

  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [bulkOutcomes, setBulkOutcomes] = useState<BulkOutcome[] | null>(null);
  const [undoOffer, setUndoOffer] = useState<UndoOffer | null>(null);
  const [undoing, setUndoing] = useState(false);
  // the version each claim left the item at: deciding right after claiming must not be stale
  const versions = useRef(new Map<string, number>());

  const navigate = useCallback(
    (next: Partial<QueueParams & { item?: string }>) => {
      setSearch(searchFromParams({ ...params, ...next }), {
        replace: 'item' in next && Object.keys(next).length === 1,
      });
    },
    [params, setSearch],
  );
  const setFilter = (next: Partial<QueueParams>) => {
    setSelectedIds([]);
    navigate({ ...next, page: 1 });
  };

  const refetchAll = useCallback(() => {
    void queue.query.refetch();
    void summary.query.refetch();
    if (params.item) void context.query.refetch();
  }, [queue.query, summary.query, context.query, params.item]);
  useEffect(() => {
    refetchOnChange.current = refetchAll;
  });

  const claimable =
    !!item && item.id === params.item && OPEN_STATUSES.includes(item.status) && !claimedByColleague(item, me);
  useClaimWhileOpen(
    params.item,
    claimable,
    (claimed) => {
      if (claimed) versions.current.set(claimed.id, claimed.version);
      refetchAll();
    },
    (error) => notify?.({ type: 'error', message: 'Could not claim the item', description: error.message }),
  );

  const claimNow = async () => {
    if (!params.item) return;
    try {
      const claimed = await call<{ id: string; version: number }>('claim_moderation_item', { p_item_id: params.item });
      versions.current.set(claimed.id, claimed.version);
      notify?.({ type: 'success', message: 'Claimed for the next 15 minutes' });
    } catch (error) {
      notify?.({ type: 'error', message: 'Could not claim the item', description: (error as HttpError).message });
    }
    refetchAll();
  };

  const openDecision = (decision: Decision, bulk = false) => {
    if (!bulk) {
      if (!item || !OPEN_STATUSES.includes(item.status)) return;
      const reported = hasOpenReports(context.context?.reports);
      if (!decisionsFor(item.target_type, reported).includes(decision)) return;
    }
    setDialogError(null);
    setDialog({ decision, bulk });
  };

  const nextItemId = () => {
    const index = rows.findIndex((r) => r.id === params.item);
    const after = rows.slice(index + 1).find((r) => r.id !== params.item);
    return after?.id;
  };

  const decide = async (values: DecisionValues) => {
    if (!dialog) return;
    if (dialog.bulk) {
      try {
        const data = await call<unknown>('decide_moderation_items', {
          p_item_ids: selectedIds,
          p_decision: dialog.decision,
          p_reason_code: values.reasonCode ?? null,
          p_note: values.note ?? null,
        });
        setDialog(null);
        const outcomes = toBulkOutcomes(data);
        setBulkOutcomes(outcomes);
        setSelectedIds([]);
        const done = outcomes.filter((o) => o.outcome === 'done').map((o) => String(o.id));
        if (UNDOABLE.includes(dialog.decision) && done.length > 0)
          setUndoOffer({
            ids: done,
            message: `${decisionCopy(dialog.decision, 'item', dialog.decision === 'approve').label}: ${done.length} items`,
            until: undoDeadline(),
          });
      } catch (error) {
        setDialogError((error as HttpError).message);
      }
      refetchAll();
      return;
    }
    if (!item) return;
    try {
      await call('decide_moderation_item', {
        p_item_id: item.id,
        p_decision: dialog.decision,
        p_version: Math.max(item.version, versions.current.get(item.id) ?? 0),
        p_reason_code: values.reasonCode ?? null,
        p_note: values.note ?? null,
        p_take_over: values.takeOver,
      });
      const copy = decisionCopy(dialog.decision, item.target_type, (item.open_report_count ?? 0) > 0);
      const subject = context.context ? itemTitle(context.context) : titleOf(item.id);
      setDialog(null);
      if (UNDOABLE.includes(dialog.decision))
        setUndoOffer({
          ids: [item.id],
          message: `${copy.label}: “${subject}”`,
          until: undoDeadline(),
        });
      else notify?.({ type: 'success', message: `${copy.label}: done`, description: subject });
      navigate({ item: nextItemId() });
    } catch (error) {
      // a 409 names who decided or changed it first; the pane reloads to show it
      setDialogError((error as HttpError).message);
    }
    refetchAll();
  };

  // the decision taken back: the item is open again, held by the moderator, and back in the pane
  const undo = async () => {
    const offer = undoOffer;
    if (!offer || undoing) return;
    setUndoing(true);
    try {
      await call('undo_moderation_decisions', { p_item_ids: offer.ids });
      setUndoOffer(null);
      notify?.({
        type: 'success',
        message: 'Decision undone',
        description: 'The item is back in the queue, claimed by you.',
      });
      if (offer.ids.length === 1) navigate({ item: offer.ids[0] });
    } catch (error) {
      setUndoOffer(null);
      notify?.({ type: 'error', message: 'Could not undo', description: (error as HttpError).message });
    }
    setUndoing(false);
    refetchAll();
  };
  const expireUndo = useCallback(() => setUndoOffer(null), []);

  const unhide = async () => {
    if (!item) return;
    try {
      await call('moderate_review', { p_review_id: item.target_id, p_hide: false });
      notify?.({ type: 'success', message: 'The review is visible again' });
    } catch (error) {
      notify?.({ type: 'error', message: 'Could not unhide the review', description: (error as HttpError).message });
    }
    refetchAll();
  };

  // keys act on the list and the item in the pane; typing in a field or a dialog is left alone
  const keyState = useRef({ rows, params, dialog, helpOpen, openDecision, claimNow, navigate, undo });
  useEffect(() => {
    keyState.current = { rows, params, dialog, helpOpen, openDecision, claimNow, navigate, undo };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const s = keyState.current;
      if (s.dialog || s.helpOpen) return;
      const command = commandFor(event);
      if (!command) return;
      event.preventDefault();
      if (command === 'next' || command === 'previous') {
        const index = moveSelection(
          s.rows.findIndex((r) => r.id === s.params.item),
          s.rows.length,
          command,
        );
        if (index >= 0) s.navigate({ item: s.rows[index].id });
      } else if (command === 'claim') void s.claimNow();
      else if (command === 'undo') void s.undo();
      else if (command === 'help') setHelpOpen(true);
      else s.openDecision(command);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // bulk: the tenant's reason templates, for a rejection's reason
  const templates = useList<ReasonTemplate & { target_types: string[] }>({
    resource: 'moderation_reason_templates',
    filters: [{ field: 'active', operator: 'eq', value: true }],
    pagination: { mode: 'off' },
    queryOptions: { enabled: selectedIds.length > 0 },
  });
  const selectedRows = queue.rows.filter((r) => selectedIds.includes(r.id));
  const selectedTypes = [...new Set(selectedRows.map((r) => r.target_type))];
  const bulkTemplates = (templates.result?.data ?? []).filter((t) =>
    selectedTypes.every((type) => t.target_types.includes(type)),
  );

  const titles = useMemo(
    () => new Map(queue.rows.map((r) => [r.id, r.target_title ?? humanize(r.target_type)])),
    [queue.rows],
  );
  const titleOf = (id: string) => titles.get(id) ?? id;
  const counts = summary.summary?.tabs;
  // a dispute is settled, a user verified or sanctioned, by the registry's actions on the target
  const target = context.context?.target;
  const actionsOn = item?.target_type === 'booking' || item?.target_type === 'user' ? item.target_type : null;
  const targetActions =
    actionsOn && target?.id ? (
      <Suspense fallback={null}>
        <TargetActions targetType={actionsOn} target={target} onDone={refetchAll} />
      </Suspense>
    ) : null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Moderation
        </Typography.Title>
        <Button onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">
          Keyboard shortcuts (?)
        </Button>
      </Space>
      <StatsStrip summary={summary.summary} />

      <Tabs
        activeKey={params.tab}
        onChange={(tab) => setFilter({ tab: tab as QueueParams['tab'] })}
        items={TABS.map((tab) => ({
          key: tab.key,
          label: (
            // six tabs fit one line with the overdue count as a red badge (the words in its title):
            // tabs that overflow get antd's "more" menu, which is neither handy nor accessible
            <span
              title={`${tab.description}${counts?.[tab.key].overdue ? ` — ${counts[tab.key].overdue} overdue` : ''}`}
            >
              {tab.label}{' '}
              {counts && <Badge count={counts[tab.key].open} showZero overflowCount={9999} color="#595959" />}
              {counts && counts[tab.key].overdue > 0 && (
                <Badge
                  count={counts[tab.key].overdue}
                  overflowCount={9999}
                  color="#cf1322"
                  style={{ marginLeft: 4 }}
                  title={`${counts[tab.key].overdue} overdue`}
                />
              )}
              {counts && counts[tab.key].overdue > 0 && (
                <span className="visually-hidden">{` (${counts[tab.key].overdue} overdue)`}</span>
              )}
            </span>
          ),
        }))}
      />

      <Space wrap>
        <Select
          aria-label="Sort"
          value={params.sort}
          style={{ width: 170 }}
          onChange={(sort) => setFilter({ sort })}
          options={SORTS.map((s) => ({ value: s.key, label: s.label }))}
        />
        <Select
          aria-label="Report reason"
          allowClear
          placeholder="Any reason"
          value={params.reason}
          style={{ width: 170 }}
          onChange={(reason) => setFilter({ reason })}
          options={REPORT_REASONS.map((r) => ({ value: r, label: humanize(r) }))}
        />
        {params.tab !== 'listings' && params.tab !== 'reviews' && (
          <Select
            aria-label="About a"
            allowClear
            placeholder="Any kind"
            value={params.targetType}
            style={{ width: 140 }}
            onChange={(targetType) => setFilter({ targetType })}
            options={TARGET_TYPES.map((t) => ({ value: t, label: humanize(t) }))}
          />
        )}
        <Select
          aria-label="Claim"
          allowClear
          placeholder="Claimed or not"
          value={params.claim}
          style={{ width: 160 }}
          onChange={(claim) => setFilter({ claim })}
          options={[
            { value: 'unclaimed', label: 'Unclaimed' },
            { value: 'claimed', label: 'Claimed' },
          ]}
        />
        <Select
          aria-label="Overdue"
          allowClear
          placeholder="Due or overdue"
          value={params.overdue === undefined ? undefined : String(params.overdue)}
          style={{ width: 160 }}
          onChange={(v?: string) => setFilter({ overdue: v === undefined ? undefined : v === 'true' })}
          options={[
            { value: 'true', label: 'Overdue' },
            { value: 'false', label: 'Within SLA' },
          ]}
        />
      </Space>

      {selectedIds.length > 0 && (
        <Alert
          type="info"
          role="region"
          aria-label="Bulk decision"
          message={
            <Space wrap>
              <Typography.Text strong>{selectedIds.length} selected</Typography.Text>
              {(['approve', 'reject', 'ignore', 'escalate'] as Decision[])
                .filter((d) => d !== 'reject' || selectedTypes.every(canReject))
                .map((d) => (
                  <Button key={d} size="small" danger={d === 'reject'} onClick={() => openDecision(d, true)}>
                    {decisionCopy(d, selectedTypes.length === 1 ? selectedTypes[0] : 'item', d === 'approve').label}…
                  </Button>
                ))}
              <Button size="small" type="link" onClick={() => setSelectedIds([])}>
                Clear selection
              </Button>
            </Space>
          }
        />
      )}

      {queue.query.isError && (
        <Alert type="error" showIcon message="Could not load the queue" description={queue.query.error?.message} />
      )}

      <Row gutter={16} wrap>
        <Col xs={24} xl={11}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <QueueList
              rows={rows}
              loading={queue.query.isLoading}
              currentId={params.item}
              me={me}
              selectedIds={selectedIds}
              onOpen={(id) => navigate({ item: id })}
              onSelect={setSelectedIds}
              viewers={openBy}
            />
            <Space>
              <Button disabled={params.page <= 1} onClick={() => navigate({ page: params.page - 1 })}>
                Previous page
              </Button>
              <Typography.Text type="secondary">Page {params.page}</Typography.Text>
              <Button disabled={!hasNext} onClick={() => navigate({ page: params.page + 1 })}>
                Next page
              </Button>
            </Space>
          </Space>
        </Col>
        <Col xs={24} xl={13}>
          {/* the item stays in view while the list scrolls */}
          <section aria-label="Item" style={{ position: 'sticky', top: 16 }}>
            <ItemPane
              context={context.context}
              loading={context.query.isLoading}
              error={
                context.query.isError
                  ? {
                      message: context.query.error?.message ?? 'Unknown error',
                      status: context.query.error?.statusCode,
                    }
                  : null
              }
              me={me}
              onDecide={(d) => openDecision(d)}
              onClaim={() => void claimNow()}
              onUnhide={unhide}
              changes={
                context.context?.item.target_type === 'listing' ? (
                  <ListingChangesCard listingId={context.context.item.target_id} />
                ) : null
              }
              actions={targetActions}
              alsoOpenBy={params.item ? (openBy.get(params.item) ?? []).map((v) => v.name) : []}
            />
          </section>
        </Col>
      </Row>

      {dialog && (
        <DecisionDialog
          open
          decision={dialog.decision}
          itemId={dialog.bulk ? undefined : item?.id}
          targetType={
            dialog.bulk ? (selectedTypes.length === 1 ? selectedTypes[0] : 'item') : (item?.target_type ?? 'item')
          }
          reported={dialog.bulk ? true : hasOpenReports(context.context?.reports)}
          templates={dialog.bulk ? bulkTemplates : (context.context?.templates ?? [])}
          colleague={
            !dialog.bulk && item && claimedByColleague(item, me)
              ? (item.claimed_by_person?.name ?? 'a colleague')
              : null
          }
          subject={
            dialog.bulk ? `${selectedIds.length} items` : context.context ? itemTitle(context.context) : 'this item'
          }
          pending={pending}
          error={dialogError}
          onCancel={() => setDialog(null)}
          onSubmit={(values) => void decide(values)}
        />
      )}

      <UndoBar offer={undoOffer} pending={undoing} onUndo={() => void undo()} onExpire={expireUndo} />

      <BulkResult
        title="Bulk decision"
        outcomes={bulkOutcomes}
        nameOf={titleOf}
        onClose={() => setBulkOutcomes(null)}
      />

      <Modal open={helpOpen} title="Keyboard shortcuts" footer={null} onCancel={() => setHelpOpen(false)}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={[...QUEUE_KEYS]}
          columns={[
            { key: 'key', title: 'Key', render: (_, k) => <kbd>{k.key}</kbd>, width: 64 },
            { key: 'what', title: 'Does', dataIndex: 'description' },
          ]}
        />
      </Modal>
    </Space>
  );
}
