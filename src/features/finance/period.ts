import dayjs, { type Dayjs } from 'dayjs';

// The dashboard's period: whole UTC days, both ends included, in the URL (?from=&to=), as the
// database functions take it; the comparison is the period of the same length just before.

export const PRESETS = ['7d', '30d', '90d', 'month', 'last-month', 'quarter', 'ytd', '12m'] as const;
export type Preset = (typeof PRESETS)[number];

export const PRESET_LABELS: Record<Preset, string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  month: 'This month',
  'last-month': 'Last month',
  quarter: 'This quarter',
  ytd: 'Year to date',
  '12m': 'Last 12 months',
};

export interface Period {
  from: string;
  to: string;
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/** `today` is the UTC date (YYYY-MM-DD) the presets count back from. */
export function presetPeriod(preset: Preset, today: string): Period {
  const t = dayjs(today);
  switch (preset) {
    case '7d':
      return { from: iso(t.subtract(6, 'day')), to: today };
    case '30d':
      return { from: iso(t.subtract(29, 'day')), to: today };
    case '90d':
      return { from: iso(t.subtract(89, 'day')), to: today };
    case 'month':
      return { from: iso(t.startOf('month')), to: today };
    case 'last-month': {
      const last = t.subtract(1, 'month');
      return { from: iso(last.startOf('month')), to: iso(last.endOf('month')) };
    }
    case 'quarter': {
      const start = t.month(Math.floor(t.month() / 3) * 3).startOf('month');
      return { from: iso(start), to: today };
    }
    case 'ytd':
      return { from: iso(t.startOf('year')), to: today };
    case '12m':
      return { from: iso(t.subtract(1, 'year').add(1, 'day')), to: today };
  }
}

export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period in the URL, or the last 30 days when it is missing or not a valid range. */
export function periodFromSearch(search: URLSearchParams, today: string): Period {
  const from = search.get('from');
  const to = search.get('to');
  if (from && to && DATE.test(from) && DATE.test(to) && dayjs(from).isValid() && dayjs(to).isValid() && from <= to)
    return { from, to };
  return presetPeriod('30d', today);
}

export function previousPeriod(p: Period): Period {
  const days = dayjs(p.to).diff(dayjs(p.from), 'day') + 1;
  return { from: iso(dayjs(p.from).subtract(days, 'day')), to: iso(dayjs(p.from).subtract(1, 'day')) };
}

/** The interval a chart of the period reads best in: days up to ~3 months, weeks to a year, then months. */
export function defaultInterval(p: Period): 'day' | 'week' | 'month' {
  const days = dayjs(p.to).diff(dayjs(p.from), 'day') + 1;
  return days <= 92 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** +12.5 % / −3.0 % / new / null when there is nothing to compare. */
export function change(current: number, previous: number): string | null {
  if (previous === 0) return current === 0 ? null : 'new';
  const pct = ((current - previous) / Math.abs(previous)) * 100;
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '±';
  return `${sign}${Math.abs(pct).toFixed(1)} %`;
}
