'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

type NavLink = { href: string; label: string; count?: number; countLabel?: string };

export function NavLinks({ links, label }: { links: NavLink[]; label: string }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === '/' ? pathname === '/' : pathname.startsWith(href));
  return (
    <nav aria-label={label}>
      {links.map((l) => (
        <Link key={l.href} href={l.href} aria-current={isCurrent(l.href) ? 'page' : undefined}>
          {l.label}
          {l.count ? (
            <>
              <span className="nav-count" aria-hidden="true">
                {l.count}
              </span>
              <span className="skip-link">{l.countLabel}</span>
            </>
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
