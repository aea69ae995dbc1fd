import { Button, Empty, Result } from 'antd';
import type { ResourceDef } from '../../resources/types';
import { isForbidden } from './errors';

export function ListError({ def, error, onRetry }: { def: ResourceDef; error: unknown; onRetry: () => void }) {
  const message = (error as { message?: string } | null)?.message;
  const forbidden = isForbidden(error);
  return (
    <Result
      status={forbidden ? '403' : 'error'}
      title={
        forbidden ? `You do not have permission to see ${def.label.toLowerCase()}` : `${def.label} could not be loaded`
      }
      subTitle={message}
      extra={
        forbidden ? undefined : (
          <Button type="primary" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    />
  );
}

export function ListEmpty({ def, filtered, onClear }: { def: ResourceDef; filtered: boolean; onClear: () => void }) {
  const plural = def.label.toLowerCase();
  if (filtered) {
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`No ${plural} match these filters`}>
        <Button onClick={onClear}>Clear filters</Button>
      </Empty>
    );
  }
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`No ${plural} yet`} />;
}
