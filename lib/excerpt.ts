/** A window of `text` around [start,end) with offsets rebased to the window, for highlighting evidence. */
export function excerptAround(text: string, start: number | null, end: number | null, context = 60) {
  if (start === null || end === null || start < 0 || end > text.length || start > end) {
    return {
      excerpt: text.length > context * 3 ? `${text.slice(0, context * 3)}…` : text,
      spanStart: null,
      spanEnd: null,
    };
  }
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  const prefix = from > 0 ? '…' : '';
  return {
    excerpt: `${prefix}${text.slice(from, to)}${to < text.length ? '…' : ''}`,
    spanStart: start - from + prefix.length,
    spanEnd: end - from + prefix.length,
  };
}
