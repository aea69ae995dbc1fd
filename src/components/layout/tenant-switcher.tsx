import { useList } from '@refinedev/core';
import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { getTenantScope, setTenantScope, subscribeTenantScope } from '../../providers/tenant-scope';

const ALL = '__all__';

// Super admins see every tenant; this narrows every list, count and dashboard to one.
export function TenantSwitcher() {
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<string | null>(getTenantScope);
  useEffect(() => subscribeTenantScope(setScope), []);
  const { result, query } = useList<{ id: string; name: string }>({
    resource: 'tenants',
    pagination: { pageSize: 200 },
    sorters: [{ field: 'name', order: 'asc' }],
    meta: { select: 'id,name' },
  });
  return (
    <Select
      aria-label="Tenant"
      style={{ minWidth: 180 }}
      loading={query.isLoading}
      value={scope ?? ALL}
      options={[
        { value: ALL, label: 'All tenants' },
        ...(result.data ?? []).map((t) => ({ value: t.id, label: t.name })),
      ]}
      onChange={(value: string) => {
        setTenantScope(value === ALL ? null : value);
        void queryClient.invalidateQueries();
      }}
    />
  );
}
export default TenantSwitcher;
