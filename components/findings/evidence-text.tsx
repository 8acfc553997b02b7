/** Evidence excerpt with the matched span highlighted; text is rendered as text, never as HTML. */
export function EvidenceText({ text, start, end }: { text: string; start: number | null; end: number | null }) {
  if (start === null || end === null || start < 0 || end > text.length || start >= end) return <span>{text}</span>;
  return (
    <span>
      {text.slice(0, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </span>
  );
}
