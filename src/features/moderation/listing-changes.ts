import { diffWordsWithSpace } from 'diff';
import { humanize } from '../../components/fields/format';
import { formatMoney } from '../../lib/money';

// What a provider changed in a listing since moderation approved it, as the moderator reads it:
// texts word by word (removed and added runs), price and category before → after, photos by
// what was added and removed. Rows come from public.listing_changes_since_approval.

export interface ListingChangeRow {
  field: 'title' | 'description' | 'price' | 'category' | 'media';
  label: string;
  approved: unknown;
  current: unknown;
  approved_at: string;
}

export interface TextRun {
  text: string;
  change: 'added' | 'removed' | null;
}

export type ListingChange =
  | { field: string; label: string; kind: 'text'; runs: TextRun[] }
  | { field: string; label: string; kind: 'value'; before: string; after: string };

interface Price {
  price_cents: number;
  pricing_type: string;
  currency: string;
}
interface Photo {
  url?: string;
}

const price = (p: Price) => `${formatMoney(Number(p.price_cents), p.currency)} (${humanize(p.pricing_type)})`;
const urls = (v: unknown) => (Array.isArray(v) ? (v as Photo[]).map((m) => m.url ?? '').filter(Boolean) : []);
const photos = (n: number) => (n === 1 ? '1 photo' : `${n} photos`);

export function describeListingChange(row: ListingChangeRow): ListingChange {
  const { field, label } = row;
  switch (row.field) {
    case 'title':
    case 'description':
      return {
        field,
        label,
        kind: 'text',
        runs: diffWordsWithSpace(String(row.approved ?? ''), String(row.current ?? '')).map((part) => ({
          text: part.value,
          change: part.added ? 'added' : part.removed ? 'removed' : null,
        })),
      };
    case 'price':
      return { field, label, kind: 'value', before: price(row.approved as Price), after: price(row.current as Price) };
    case 'category':
      return {
        field,
        label,
        kind: 'value',
        before: (row.approved as { name: string | null }).name ?? 'none',
        after: (row.current as { name: string | null }).name ?? 'none',
      };
    case 'media': {
      const before = urls(row.approved);
      const after = urls(row.current);
      const added = after.filter((u) => !before.includes(u)).length;
      const removed = before.filter((u) => !after.includes(u)).length;
      const what = [added && `${photos(added)} added`, removed && `${photos(removed)} removed`].filter(Boolean);
      return {
        field,
        label,
        kind: 'value',
        before: photos(before.length),
        after: `${photos(after.length)}${what.length ? ` (${what.join(', ')})` : ' (reordered)'}`,
      };
    }
  }
}
