import { ExportOutlined } from '@ant-design/icons';
import { useInvalidate, type CrudFilters } from '@refinedev/core';
import { Alert, Button, Modal, Typography } from 'antd';
import Papa from 'papaparse';
import { useState } from 'react';
import { formatNumber } from '../../components/fields/format';
import { supabaseClient } from '../../providers/supabase-client';
import { getTenantScope } from '../../providers/tenant-scope';
import { downloadCsv } from '../../lib/download-csv';
import { exportArgs, exportDigest } from './audit-export';

type Outcome = { entries: number; first: number | null; last: number | null; digest: string } | { error: string };

/**
 * Export CSV of what the list shows, through export_audit_log: the database records the export
 * (filters, count, digest of the entries' hashes) in the same transaction that reads the rows.
 */
export function ExportAuditButton({ filters }: { filters: CrudFilters }) {
  const invalidate = useInvalidate();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    setBusy(true);
    try {
      const args = exportArgs(filters, getTenantScope());
      const { data, error } = await supabaseClient.rpc('export_audit_log', args).csv();
      if (error) throw new Error(error.message);
      const csv = String(data ?? '');
      const rows = Papa.parse<{ seq: string; hash: string }>(csv.trim() === '' ? '' : csv, {
        header: true,
        skipEmptyLines: true,
      }).data;
      downloadCsv(`audit-log-${new Date().toISOString().slice(0, 10)}.csv`, csv);
      setOutcome({
        entries: rows.length,
        first: rows.length ? Number(rows[0].seq) : null,
        last: rows.length ? Number(rows[rows.length - 1].seq) : null,
        // what the database recorded, recomputed from the file: the two must agree
        digest: await exportDigest(rows.map((r) => r.hash)),
      });
      // the export's own entry is now in the log
      await invalidate({ resource: 'audit_logs', invalidates: ['list'] });
    } catch (error) {
      setOutcome({ error: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<ExportOutlined aria-hidden />} loading={busy} onClick={run}>
        Export CSV
      </Button>
      <Modal
        title="Audit log exported"
        open={outcome !== null}
        onCancel={() => setOutcome(null)}
        footer={<Button onClick={() => setOutcome(null)}>Done</Button>}
      >
        {outcome &&
          ('error' in outcome ? (
            <Alert type="error" showIcon role="alert" message="The export did not run" description={outcome.error} />
          ) : (
            <div role="status">
              <Typography.Paragraph>
                {formatNumber(outcome.entries)} {outcome.entries === 1 ? 'entry' : 'entries'}
                {outcome.first !== null && ` (#${formatNumber(outcome.first)} to #${formatNumber(outcome.last ?? 0)})`},
                oldest first, as the list is filtered. The export is itself an entry of the log, with its filters and
                this digest of the exported entries’ hashes:
              </Typography.Paragraph>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {outcome.digest}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                Anyone holding the file recomputes it: sha256 of the hash column, joined in order. A file edited or cut
                short no longer gives it.
              </Typography.Paragraph>
            </div>
          ))}
      </Modal>
    </>
  );
}
