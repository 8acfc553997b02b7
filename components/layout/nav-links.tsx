'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export function NavLinks({ links, label }: { links: Array<{ href: string; label: string }>; label: string }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href));
  return (
    <nav aria-label={label}>
      {links.map((l) => (
        <Link key={l.href} href={l.href} aria-current={isCurrent(l.href) ? 'page' : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
