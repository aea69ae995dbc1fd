import { theme } from 'antd';
import dayjs from 'dayjs';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMoney } from '../../lib/money';
import { floatingBars, type SeriesRow, type WaterfallStep } from './figures';

// Loaded lazily (recharts stays out of the main chunk).
export default function MoneyCharts({
  steps,
  series,
  currency,
  interval,
}: {
  steps: WaterfallStep[];
  series: SeriesRow[];
  currency: string;
  interval: string;
}) {
  const { token } = theme.useToken();
  const money = (v: number) => formatMoney(v, currency);
  const short = (v: number) => formatMoney(Math.round(v / 10 ** 2) * 10 ** 2, currency).replace(/\.00$/, '');
  const bars = floatingBars(steps);
  const label = (d: string) => (interval === 'month' ? dayjs(d).format('MMM YYYY') : dayjs(d).format('D MMM'));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>
      <figure aria-label={`From GMV to net revenue, ${currency}`} style={{ margin: 0 }}>
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={bars} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} stroke={token.colorBorderSecondary} />
            <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} angle={-25} textAnchor="end" height={56} />
            <YAxis tickFormatter={short} tick={{ fontSize: 11 }} width={72} />
            <Tooltip formatter={(_v, _n, item) => money((item.payload as { value: number }).value)} />
            <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} legendType="none" />
            <Bar dataKey="size" stackId="w" name="Amount" isAnimationActive={false}>
              {bars.map((b) => (
                <Cell
                  key={b.name}
                  fill={b.total ? token.colorPrimary : b.value < 0 ? token.colorError : token.colorSuccess}
                />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure aria-label={`GMV and net revenue by ${interval}, ${currency}`} style={{ margin: 0 }}>
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} stroke={token.colorBorderSecondary} />
            <XAxis dataKey="bucket" tickFormatter={label} tick={{ fontSize: 11 }} />
            <YAxis tickFormatter={short} tick={{ fontSize: 11 }} width={72} />
            <Tooltip labelFormatter={(d) => label(String(d))} formatter={(v) => money(Number(v))} />
            <Legend />
            <Line dataKey="gmv_cents" name="GMV" stroke={token.colorPrimary} dot={false} isAnimationActive={false} />
            <Line
              dataKey="net_revenue_cents"
              name="Net revenue"
              stroke={token.colorSuccess}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="refund_cents"
              name="Refunds"
              stroke={token.colorError}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
