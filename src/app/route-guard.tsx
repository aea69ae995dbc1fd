import { useCan } from '@refinedev/core';
import { Result } from 'antd';
import { lazy, type ReactNode } from 'react';
import { Lazy, PageFallback } from './lazy-page';

// Rarely seen, and antd's Result carries large illustrations.
const ForbiddenPage = lazy(() => import('../pages/forbidden-page'));
const NotFoundPage = lazy(() => import('../pages/not-found-page'));

export interface RouteGuardProps {
  /** The declared entry (feature or table) the route belongs to; none: no such page (404). */
  resource?: string;
  action?: string;
  /** How the page names what it shows, for the refusal ("…permission to see billing"). */
  label?: string;
  children?: ReactNode;
}

// The one guard of every page inside the app: the route table resolved the entry when it was
// built from the declarations; the guard asks the access control provider once and answers
// 404 or 403 itself, so pages never check permissions again.
export function RouteGuard({ resource, action = 'list', label, children }: RouteGuardProps) {
  const access = useCan({ resource: resource ?? '', action, queryOptions: { enabled: resource !== undefined } });
  if (resource === undefined)
    return (
      <Lazy>
        <NotFoundPage />
      </Lazy>
    );
  if (access.isError)
    return (
      <Result
        status="error"
        title="Could not check your permissions"
        subTitle={access.error instanceof Error ? access.error.message : 'Reload the page to try again.'}
      />
    );
  if (!access.data) return <PageFallback />;
  if (!access.data.can)
    return (
      <Lazy>
        <ForbiddenPage what={label?.toLowerCase()} reason={access.data.reason} />
      </Lazy>
    );
  return <Lazy>{children}</Lazy>;
}
