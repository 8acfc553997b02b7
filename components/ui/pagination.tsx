import Link from 'next/link';

type Props = {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  labels: { previous: string; next: string; summary: string };
};

export function Pagination({ page, pageSize, total, hrefFor, labels }: Props) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={labels.summary}>
      {page > 1 ? (
        <Link href={hrefFor(page - 1)}>{labels.previous}</Link>
      ) : (
        <span aria-disabled="true">{labels.previous}</span>
      )}
      <span>{labels.summary}</span>
      {page < pages ? (
        <Link href={hrefFor(page + 1)}>{labels.next}</Link>
      ) : (
        <span aria-disabled="true">{labels.next}</span>
      )}
    </nav>
  );
}
