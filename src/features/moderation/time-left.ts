// An item's time left until its SLA, as the queue shows it.
export function timeLeft(dueAt: string, now: number): { text: string; overdue: boolean } {
  const ms = Date.parse(dueAt) - now;
  const overdue = ms <= 0;
  const abs = Math.abs(ms);
  const minutes = Math.floor(abs / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const span =
    days >= 1
      ? `${days}d ${hours % 24}h`
      : hours >= 1
        ? `${hours}h ${String(minutes % 60).padStart(2, '0')}m`
        : `${minutes}m ${String(Math.floor(abs / 1000) % 60).padStart(2, '0')}s`;
  return { text: overdue ? `${span} late` : `${span} left`, overdue };
}
