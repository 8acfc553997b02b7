'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { QuarterPoint } from '@/lib/query/mappers';

type Props = { points: QuarterPoint[]; labels: { passRate: string; vetoed: string } };

export function PassRateTrend({ points, labels }: Props) {
  const data = points.map((p) => ({ ...p, passPercent: p.passRate === null ? null : Math.round(p.passRate * 1000) / 10 }));
  return (
    <div style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis yAxisId="rate" domain={[0, 100]} unit="%" />
          <YAxis yAxisId="count" orientation="right" allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar yAxisId="count" dataKey="vetoed" name={labels.vetoed} fill="#d93025" />
          <Line yAxisId="rate" dataKey="passPercent" name={labels.passRate} stroke="#1b7f3b" strokeWidth={2} connectNulls />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
