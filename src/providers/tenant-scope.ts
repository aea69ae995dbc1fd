// The tenant a super admin chose to look at (null = every tenant their RLS allows).
// Everyone else sees their own tenant through RLS, so for them this stays null.
const STORAGE_KEY = 'loconomy-admin.tenant-scope';
type Listener = (tenantId: string | null) => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function getTenantScope(): string | null {
  return storage()?.getItem(STORAGE_KEY) ?? null;
}

export function setTenantScope(tenantId: string | null): void {
  const store = storage();
  if (tenantId) store?.setItem(STORAGE_KEY, tenantId);
  else store?.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener(tenantId));
}

export function subscribeTenantScope(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
