'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type EndpointHealthPoint = {
  label: string;
  requests: number;
  successes: number;
  blocked: number;
  parseFailures: number;
  droppedItems: number;
};
type Props = {
  points: EndpointHealthPoint[];
  labels: { requests: string; successes: string; blocked: string; parseFailures: string; droppedItems: string };
};

/** Hourly counters of the last 14 days: requests and successes as lines, the failures as stacked bars. */
export function EndpointHealthChart({ points, labels }: Props) {
  return (
    <div style={{ width: '100%', height: 280 }}>
      <ResponsiveContainer>
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" minTickGap={40} />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          <Bar dataKey="blocked" stackId="bad" name={labels.blocked} fill="#d93025" />
          <Bar dataKey="parseFailures" stackId="bad" name={labels.parseFailures} fill="#b06000" />
          <Bar dataKey="droppedItems" stackId="bad" name={labels.droppedItems} fill="#8e24aa" />
          <Line dataKey="requests" name={labels.requests} stroke="#1a73e8" dot={false} strokeWidth={1.5} />
          <Line dataKey="successes" name={labels.successes} stroke="#1b7f3b" dot={false} strokeWidth={1.5} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
