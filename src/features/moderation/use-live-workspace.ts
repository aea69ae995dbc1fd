import { useEffect, useRef, useState } from 'react';
import type { RealtimeChannel } from '@supabase/supabase-js';
import { supabaseClient } from '../../providers/supabase-client';

// The workspace live: the queue, its counts and the open item refetch when a moderation item
// changes (a colleague's claim, decision or release; a new report) — Realtime postgres_changes
// on moderation_items, RLS choosing what each moderator hears — and Presence on the tenant's
// private moderation channel says who has which item open. Until the changes feed is joined
// (or when it cannot be), the queries fall back to refetching every 15 seconds.

export interface Viewer {
  userId: string;
  name: string;
  itemId: string | null;
}

interface Options {
  /** the tenant whose moderation channel to share (the moderator's own, or the one in scope) */
  channelTenant: string | null | undefined;
  /** a super admin's tenant scope: only that tenant's changes matter */
  tenantScope: string | null;
  me: string | undefined;
  myName: string | undefined;
  openItemId: string | undefined;
  onChange: () => void;
}

/** Several changes in one burst (a bulk decision) refetch once. */
const DEBOUNCE_MS = 150;
let counter = 0;

export function useLiveWorkspace({ channelTenant, tenantScope, me, myName, openItemId, onChange }: Options) {
  const [live, setLive] = useState(false);
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  useEffect(() => {
    let timer: number | undefined;
    const changed = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => onChangeRef.current(), DEBOUNCE_MS);
    };
    const channel = supabaseClient
      .channel(`moderation-queue:${++counter}`)
      .on(
        'postgres_changes' as never,
        {
          event: '*',
          schema: 'public',
          table: 'moderation_items',
          ...(tenantScope ? { filter: `tenant_id=eq.${tenantScope}` } : {}),
        } as never,
        changed,
      )
      .on('system' as never, {} as never, (message: { status?: string }) => {
        if (message.status === 'error') setLive(false);
      })
      .subscribe((status) => {
        setLive(status === 'SUBSCRIBED');
        // joined again after a drop: what changed meanwhile was not heard
        if (status === 'SUBSCRIBED') changed();
      });
    return () => {
      window.clearTimeout(timer);
      void supabaseClient.removeChannel(channel);
    };
  }, [tenantScope]);

  const presence = useRef<RealtimeChannel | null>(null);
  const openRef = useRef(openItemId);
  useEffect(() => {
    if (!channelTenant || !me) return;
    const channel = supabaseClient.channel(`moderation:${channelTenant}`, {
      config: { private: true, presence: { key: me } },
    });
    presence.current = channel;
    channel
      .on('presence', { event: 'sync' }, () => {
        const state = channel.presenceState<{ user_id: string; name: string; item_id: string | null }>();
        const others: Viewer[] = [];
        for (const [key, metas] of Object.entries(state)) {
          if (key === me) continue;
          const latest = metas[metas.length - 1];
          if (latest) others.push({ userId: latest.user_id, name: latest.name, itemId: latest.item_id });
        }
        setViewers(others);
      })
      .subscribe((status) => {
        if (status === 'SUBSCRIBED')
          void channel.track({ user_id: me, name: myName ?? 'A colleague', item_id: openRef.current ?? null });
      });
    return () => {
      presence.current = null;
      setViewers([]);
      void supabaseClient.removeChannel(channel);
    };
  }, [channelTenant, me, myName]);

  // what I have open, for my colleagues
  useEffect(() => {
    openRef.current = openItemId;
    const channel = presence.current;
    if (channel && me) void channel.track({ user_id: me, name: myName ?? 'A colleague', item_id: openItemId ?? null });
  }, [openItemId, me, myName]);

  return { live, viewers };
}

/** Colleagues with the item open, by item. */
export function viewersByItem(viewers: Viewer[]): Map<string, Viewer[]> {
  const map = new Map<string, Viewer[]>();
  for (const v of viewers) {
    if (!v.itemId) continue;
    map.set(v.itemId, [...(map.get(v.itemId) ?? []), v]);
  }
  return map;
}
