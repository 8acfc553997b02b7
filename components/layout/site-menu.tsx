'use client';

import { useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';

/**
 * The navigation, language switcher and sign-out on narrow screens: folded behind one menu button
 * (aria-expanded, aria-controls). The server renders the contents as children, so the sign-out form stays a
 * server action. On wide screens the CSS shows the contents inline and hides the button.
 */
export function SiteMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  // Following a link closes the menu (the layout does not remount on client navigation).
  const closeOnLink = (e: MouseEvent<HTMLDivElement>) => {
    if (e.target instanceof Element && e.target.closest('a')) setOpen(false);
  };
  const closeOnEscape = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      setOpen(false);
      e.currentTarget.querySelector<HTMLButtonElement>('.menu-button')?.focus();
    }
  };
  return (
    <div className="site-menu-wrap" onKeyDown={closeOnEscape}>
      <button
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true" className="menu-icon">
          {open ? '✕' : '☰'}
        </span>
        {label}
      </button>
      <div id="site-menu" className="site-menu" data-open={open ? 'true' : 'false'} onClick={closeOnLink}>
        {children}
      </div>
    </div>
  );
}
