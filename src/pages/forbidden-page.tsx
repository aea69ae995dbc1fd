import { Button, Result } from 'antd';
import { Link } from 'react-router';

// Shown when someone follows a link to a page their permissions do not cover; the database
// would refuse the data anyway, this just says so plainly.
export function ForbiddenPage({ what }: { what?: string }) {
  return (
    <Result
      status="403"
      title="Not allowed"
      subTitle={`You do not have permission to see ${what ?? 'this page'}. Ask an admin if you need it.`}
      extra={
        <Link to="/">
          <Button type="primary">Back to the dashboard</Button>
        </Link>
      }
    />
  );
}
export default ForbiddenPage;
