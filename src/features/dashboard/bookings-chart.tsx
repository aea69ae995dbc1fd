import { theme } from 'antd';
import dayjs from 'dayjs';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BookingsDay } from './work-queue';

// Loaded lazily by the dashboard (recharts stays out of the main chunk): bookings made and
// completed per day, side by side.
export default function BookingsChart({ days }: { days: BookingsDay[] }) {
  const { token } = theme.useToken();
  const label = (day: string) => dayjs(day).format('ddd D MMM');
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke={token.colorBorderSecondary} />
        <XAxis dataKey="day" tickFormatter={(day: string) => dayjs(day).format('D MMM')} tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(day) => label(String(day))} />
        <Legend />
        <Bar dataKey="bookings" name="Booked" fill={token.colorPrimary} radius={[3, 3, 0, 0]} />
        <Bar dataKey="completed" name="Completed" fill={token.colorSuccess} radius={[3, 3, 0, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}
