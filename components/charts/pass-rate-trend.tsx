'use client';

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Label,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { trendChartData, type TrendDatum } from '@/lib/query/trend-chart';
import type { QuarterPoint } from '@/lib/query/mappers';
import '@/components/overview/overview.css';

export type TrendLabels = {
  quarter: string;
  passRate: string;
  vetoed: string;
  /** Tick text per quarter, e.g. {"2026-Q3": "三季度"}, and the full name for the tooltip, e.g. "2026年三季度". */
  ticks: Record<string, string>;
  names: Record<string, string>;
  years: Record<string, string>;
  /** "有结论账号 {count} 个" with the count filled in per quarter. */
  scored: Record<string, string>;
};

type TooltipProps = { active?: boolean; payload?: Array<{ payload: TrendDatum }>; labels: TrendLabels };

/** Both figures of the hovered quarter in words, the pass rate as a percentage. */
function TrendTooltip({ active, payload, labels }: TooltipProps) {
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="chart-tooltip" role="status">
      <strong>{labels.names[d.quarter] ?? d.quarter}</strong>
      <div>
        {labels.passRate}：{d.passPercent === null ? '—' : `${d.passPercent}%`}
      </div>
      <div>
        {labels.vetoed}：{d.vetoed}
      </div>
      <div className="subtle">{labels.scored[d.quarter]}</div>
    </div>
  );
}

/** The year under the first quarter and under each first quarter of a year, so eight quarters stay readable. */
function QuarterTick({
  x,
  y,
  payload,
  labels,
}: {
  x?: number;
  y?: number;
  payload?: { value: string; index: number };
  labels: TrendLabels;
}) {
  if (x === undefined || y === undefined || !payload) return null;
  const q = payload.value;
  return (
    <g transform={`translate(${x},${y})`}>
      <text dy={14} textAnchor="middle" fontSize={12} fill="#5b6470">
        {labels.ticks[q] ?? q}
      </text>
      {(payload.index === 0 || q.endsWith('Q1')) && (
        <text dy={30} textAnchor="middle" fontSize={11} fill="#5b6470">
          {labels.years[q]}
        </text>
      )}
    </g>
  );
}

/**
 * Pass rate per quarter (line, left axis 0–100 %) and vetoed accounts (bars, right axis). One quarter is a dot
 * and a bar, not an empty frame; eight quarters keep short ticks with the year below.
 */
export function PassRateTrend({ points, labels }: { points: QuarterPoint[]; labels: TrendLabels }) {
  const { data, vetoedMax } = trendChartData(points);
  return (
    <div className="trend-chart" style={{ width: '100%', height: 300 }}>
      <ResponsiveContainer>
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 8, bottom: 24, left: 8 }}
          barCategoryGap={data.length === 1 ? '35%' : '20%'}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="quarter" interval={0} height={40} tick={<QuarterTick labels={labels} />}>
            <Label value={labels.quarter} position="insideBottom" offset={-16} fontSize={12} />
          </XAxis>
          <YAxis yAxisId="rate" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" width={48}>
            <Label
              value={labels.passRate}
              angle={-90}
              position="insideLeft"
              offset={0}
              fontSize={12}
              style={{ textAnchor: 'middle' }}
            />
          </YAxis>
          <YAxis yAxisId="count" orientation="right" allowDecimals={false} domain={[0, vetoedMax]} width={40}>
            <Label
              value={labels.vetoed}
              angle={90}
              position="insideRight"
              offset={0}
              fontSize={12}
              style={{ textAnchor: 'middle' }}
            />
          </YAxis>
          <Tooltip content={<TrendTooltip labels={labels} />} />
          <Legend verticalAlign="top" height={28} />
          <Bar
            yAxisId="count"
            dataKey="vetoed"
            name={labels.vetoed}
            fill="#d93025"
            maxBarSize={36}
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="passPercent"
            name={labels.passRate}
            stroke="#1b7f3b"
            strokeWidth={2}
            connectNulls
            dot={{ r: 4 }}
            activeDot={{ r: 6 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
