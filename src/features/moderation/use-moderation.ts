import { useCustom, useGetIdentity, type HttpError } from '@refinedev/core';
import { useEffect, useRef } from 'react';
import { isClientError } from '../../components/resource-list/errors';
import { rpcRequest, useRpc } from '../../providers/use-rpc';

export { useRpc };
import {
  queuePageArgs,
  REFETCH_MS,
  toQueueRows,
  type ItemContext,
  type QueueParams,
  type WorkspaceSummary,
} from './queue';

// The workspace's requests: each a database function, one request per purpose (no request per
// row). They refetch when a moderation item changes (use-live-workspace.ts) and on focus; only
// while that live feed is not joined do they poll, every 15 s.

const rpc = rpcRequest;

export function useQueuePage(params: QueueParams, tenantId: string | null, live = false) {
  const { query } = useCustom({
    ...rpc('moderation_queue_page'),
    config: { payload: queuePageArgs(params, tenantId) },
    errorNotification: false,
    queryOptions: { refetchInterval: live ? false : REFETCH_MS, refetchOnWindowFocus: true, placeholderData: (previous) => previous },
  });
  return { query, rows: query.data ? toQueueRows(query.data.data) : [] };
}

export function useWorkspaceSummary(tenantId: string | null, live = false) {
  const { query } = useCustom({
    ...rpc('moderation_workspace_summary'),
    config: { payload: tenantId ? { p_tenant_id: tenantId } : {} },
    errorNotification: false,
    queryOptions: { refetchInterval: live ? false : REFETCH_MS, refetchOnWindowFocus: true },
  });
  return { query, summary: query.data?.data as WorkspaceSummary | undefined };
}

export function useItemContext(itemId: string | undefined, live = false) {
  const { query } = useCustom({
    ...rpc('moderation_item_context'),
    config: { payload: { p_item_id: itemId } },
    errorNotification: false,
    queryOptions: {
      enabled: !!itemId,
      refetchInterval: live ? false : REFETCH_MS,
      refetchOnWindowFocus: true,
      // an item that is gone or not the moderator's is said at once, not after three retries
      retry: (count, error) => !isClientError(error) && count < 2,
    },
  });
  return { query, context: itemId ? (query.data?.data as ItemContext | undefined) : undefined };
}

export function useMe(): string | undefined {
  const { data } = useGetIdentity<{ id: string }>();
  return data?.id;
}

/** The claim lease is 15 minutes; an open item is renewed well before it lapses. */
const RENEW_MS = 5 * 60_000;

/**
 * Opening an item claims it, the claim is renewed while it stays open, and released when the
 * moderator moves on — unless a colleague holds it (then nothing is claimed: the pane says so
 * and offers to take it over when deciding).
 */
export function useClaimWhileOpen(
  itemId: string | undefined,
  claimable: boolean,
  /** The item as the claim (or release) left it: its version is the one to decide on. */
  onChange: (item: { id: string; version: number } | null) => void,
  onError: (error: HttpError) => void,
) {
  const { call } = useRpc();
  const held = useRef<string | null>(null);
  const latest = useRef({ onChange, onError });
  useEffect(() => {
    latest.current = { onChange, onError };
  });

  useEffect(() => {
    if (!itemId || !claimable) return;
    let cancelled = false;
    const claim = () =>
      call<{ id: string; version: number }>('claim_moderation_item', { p_item_id: itemId })
        .then((item) => {
          held.current = itemId;
          if (!cancelled) latest.current.onChange(item);
        })
        .catch((error: HttpError) => {
          if (!cancelled) latest.current.onError(error);
        });
    void claim();
    const timer = setInterval(claim, RENEW_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
      if (held.current === itemId) {
        held.current = null;
        // decided items have no claim left to release: nothing to report
        void call('release_moderation_item', { p_item_id: itemId })
          .then(() => latest.current.onChange(null))
          .catch(() => undefined);
      }
    };
  }, [itemId, claimable, call]);
}
