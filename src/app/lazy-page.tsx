import { Skeleton } from 'antd';
import { Suspense, type ReactNode } from 'react';

export function PageFallback() {
  return <Skeleton active paragraph={{ rows: 8 }} style={{ padding: 24 }} />;
}

/** Pages load on demand; while one does, a skeleton holds its place. */
export function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageFallback />}>{children}</Suspense>;
}
