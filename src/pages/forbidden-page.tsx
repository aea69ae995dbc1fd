import { Button, Result, Typography } from 'antd';
import { Link } from 'react-router';

// Shown when someone follows a link to a page their permissions do not cover; the database
// would refuse the data anyway, this just says so plainly, and names what is missing so the
// request to an admin can be precise.
export function ForbiddenPage({ what, reason }: { what?: string; reason?: string }) {
  return (
    <Result
      status="403"
      title="Not allowed"
      subTitle={
        <>
          You do not have permission to see {what ?? 'this page'}. Ask an admin if you need it.
          {reason && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {reason}
            </Typography.Paragraph>
          )}
        </>
      }
      extra={
        <Link to="/">
          <Button type="primary">Back to the dashboard</Button>
        </Link>
      }
    />
  );
}
export default ForbiddenPage;
