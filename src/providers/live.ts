// The app's live provider and the state of its Realtime connection.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { findResource } from '../resources';
import { createLiveProvider } from './live-provider';
import { supabaseClient } from './supabase-client';
import { getTenantScope } from './tenant-scope';

export const liveProvider = createLiveProvider(supabaseClient, { defOf: findResource, getTenantScope });

export type LiveConnection = 'idle' | 'live' | 'down';

/** How long the socket may be away before the header says so (a blip is not news). */
const GRACE_MS = 3000;

/**
 * 'down' while live channels exist and the socket has been closed for a few seconds; when it
 * comes back, every query is refetched, since what changed meanwhile was not heard.
 */
export function useLiveConnection(): LiveConnection {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveConnection>('idle');
  const downSince = useRef<number | null>(null);
  useEffect(() => {
    const tick = () => {
      const realtime = supabaseClient.realtime;
      if (realtime.getChannels().length === 0) {
        downSince.current = null;
        setState('idle');
        return;
      }
      if (realtime.isConnected()) {
        if (downSince.current !== null && Date.now() - downSince.current >= GRACE_MS)
          void queryClient.invalidateQueries();
        downSince.current = null;
        setState('live');
        return;
      }
      downSince.current ??= Date.now();
      if (Date.now() - downSince.current >= GRACE_MS) setState('down');
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [queryClient]);
  return state;
}
