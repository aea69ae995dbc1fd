import { useCustom, useCustomMutation } from '@refinedev/core';
import { useCallback } from 'react';

// Workflow pages read and act through database functions: one request per purpose, never one per
// row. These wrap refine's custom() (our data provider turns `rpc/<fn>` into supabase.rpc).

export const rpcRequest = (fn: string) => ({ url: `rpc/${fn}`, method: 'post' as const, meta: { rpc: fn } });

/** A database function called as a mutation; resolves with its answer, rejects with the HttpError. */
export function useRpc() {
  const { mutateAsync, mutation } = useCustomMutation();
  const call = useCallback(
    async <T>(fn: string, values: Record<string, unknown>): Promise<T> => {
      const { data } = await mutateAsync({
        ...rpcRequest(fn),
        values,
        successNotification: false,
        errorNotification: false,
      });
      return data as T;
    },
    [mutateAsync],
  );
  return { call, pending: mutation.isPending };
}

/** A database function read as a query (refetched when its arguments change). */
export function useRpcQuery<T>(
  fn: string,
  args: Record<string, unknown>,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
) {
  const { query } = useCustom({
    ...rpcRequest(fn),
    config: { payload: args },
    errorNotification: false,
    queryOptions: {
      enabled: options.enabled ?? true,
      refetchOnWindowFocus: true,
      // a page whose arguments change (a period) keeps showing the last answer while the next loads
      placeholderData: options.keepPrevious ? (previous) => previous : undefined,
    },
  });
  return { query, data: query.data?.data as T | undefined };
}
