import { formatMoney, type MonthAmount, niceMax } from '@skillverse/domain/educator';

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { top: 16, right: 8, bottom: 28, left: 56 };

/**
 * Monthly earnings as a small hand-drawn SVG bar chart. The SVG is decorative for assistive tech:
 * the caption summarises it and a table (behind "Show as table") lists every month.
 */
export function EarningsChart({ months, currency }: { months: MonthAmount[]; currency: string }) {
  const max = niceMax(Math.max(0, ...months.map((m) => m.amount)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, months.length);
  const barW = Math.min(48, slot * 0.6);
  const y = (amount: number) => PAD.top + plotH - (amount / max) * plotH;
  const ticks = [0, max / 2, max];
  const total = months.reduce((sum, m) => sum + m.amount, 0);
  const best = months.reduce<MonthAmount | null>((b, m) => (m.amount > (b?.amount ?? 0) ? m : b), null);
  const money = (cents: number) => formatMoney(cents, currency);
  const short = (cents: number) => formatMoney(cents, currency, { compact: true });

  return (
    <figure className="flex flex-col gap-2" data-testid="earnings-chart">
      <figcaption className="text-sm text-stone-700">
        {total === 0
          ? `No sales in the last ${months.length} months.`
          : `${money(total)} earned in the last ${months.length} months${
              best ? `; best month ${best.label} with ${money(best.amount)}` : ''
            }.`}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-2xl"
        aria-hidden="true"
        focusable="false"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(t)}
              y2={y(t)}
              className="stroke-stone-200"
              strokeDasharray={t === 0 ? undefined : '4 4'}
            />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end" className="fill-stone-600 text-[11px]">
              {short(t)}
            </text>
          </g>
        ))}
        {months.map((m, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const top = y(m.amount);
          return (
            <g key={m.month}>
              <rect
                x={x}
                y={top}
                width={barW}
                height={Math.max(0, PAD.top + plotH - top)}
                rx={4}
                className="fill-brand-600"
              >
                <title>{`${m.label}: ${money(m.amount)}`}</title>
              </rect>
              <text
                x={x + barW / 2}
                y={HEIGHT - 8}
                textAnchor="middle"
                className="fill-stone-600 text-[11px]"
              >
                {m.label.split(' ')[0]}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-brand-800">Show as table</summary>
        <table className="mt-2 w-full max-w-sm text-left">
          <caption className="sr-only">Earnings by month ({currency})</caption>
          <thead>
            <tr className="border-b border-stone-200 text-stone-600">
              <th scope="col" className="py-1 font-medium">
                Month
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Earned
              </th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month} className="border-b border-stone-100">
                <th scope="row" className="py-1 font-normal text-stone-700">
                  {m.label}
                </th>
                <td className="py-1 text-right tabular-nums text-stone-900">{money(m.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
