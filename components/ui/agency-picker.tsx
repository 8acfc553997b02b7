'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLazyAgencies } from './use-lazy-agencies';
import './agency-picker.css';

export type PickerAgency = {
  id: string;
  name: string;
  parentId?: string | null;
  /** Lazy mode: it has children that were not sent (all or some); opening it loads them from `source`. */
  lazyChildren?: boolean;
};
type Node = PickerAgency & { depth: number; children: string[]; path: string[] };

/** Parents before children (siblings in the order given), with each node's depth and ancestor ids in the list. */
function buildTree(agencies: readonly PickerAgency[]): Node[] {
  const ids = new Set(agencies.map((a) => a.id));
  const kids = new Map<string | null, PickerAgency[]>();
  for (const a of agencies) {
    const parent = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    kids.set(parent, [...(kids.get(parent) ?? []), a]);
  }
  const out: Node[] = [];
  const walk = (parent: string | null, depth: number, path: string[]) => {
    for (const a of kids.get(parent) ?? []) {
      out.push({ ...a, depth, path, children: (kids.get(a.id) ?? []).map((c) => c.id) });
      walk(a.id, depth + 1, [...path, a.id]);
    }
  };
  walk(null, 0, []);
  return out;
}

type Props = {
  name: string;
  label: string;
  agencies: readonly PickerAgency[];
  defaultValue?: string;
  required?: boolean;
  /** Told of each choice (for a picker that acts at once instead of posting with a form). */
  onChange?: (id: string) => void;
  /**
   * Lazy mode, for trees too big to send whole (app/api/agencies/options/route.ts): `agencies` is only the top,
   * opening a branch marked `lazyChildren` loads its children from here, and typing searches here.
   */
  source?: string;
};

/**
 * Picks one agency from a tree (ARIA tree pattern): type to filter by name (matches shown with their ancestors),
 * arrows move, → opens and ← closes a branch, Enter or Space selects. The choice travels in a hidden input `name`,
 * so the surrounding form posts it like a select. Roots start open (in lazy mode those whose children were sent),
 * deeper levels closed.
 */
export function AgencyPicker({ name, label, agencies, defaultValue, required = false, onChange, source }: Props) {
  const t = useTranslations('common');
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<Set<string>>(
    () => new Set(buildTree(agencies).flatMap((n) => (n.depth === 0 && !n.lazyChildren ? [n.id] : []))),
  );
  const lazy = useLazyAgencies(source, agencies, open, query);
  const known = useMemo(() => buildTree(lazy.known), [lazy.known]);
  const found = useMemo(() => buildTree(lazy.found?.agencies ?? []), [lazy.found]);
  const q = query.trim().toLowerCase();
  // Searching a lazy tree shows the server's matches with their paths; otherwise the tree filters itself.
  const searching = lazy.lazy && q !== '';
  const nodes = searching ? found : known;
  const byId = useMemo(() => new Map([...known, ...found].map((n) => [n.id, n])), [known, found]);
  const [selected, setChosen] = useState<string>(
    defaultValue ?? (required && known.length === 1 ? (known[0]?.id ?? '') : ''),
  );
  const setSelected = (id: string) => {
    const node = searching ? byId.get(id) : undefined;
    if (node) lazy.remember([...node.path.flatMap((p) => byId.get(p) ?? []), node]);
    setChosen(id);
    onChange?.(id);
  };
  const [active, setActive] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const expandable = (n: Node) => n.children.length > 0 || (!searching && lazy.unloaded(n));

  const visible = useMemo(() => {
    if (searching) return nodes;
    if (q) {
      const keep = new Set<string>();
      for (const n of nodes) if (n.name.toLowerCase().includes(q)) [...n.path, n.id].forEach((x) => keep.add(x));
      return nodes.filter((n) => keep.has(n.id));
    }
    return nodes.filter((n) => n.path.every((p) => open.has(p)));
  }, [nodes, q, open, searching]);

  const focusItem = (itemId: string) => {
    setActive(itemId);
    listRef.current?.querySelector<HTMLElement>(`[data-id="${itemId}"]`)?.focus();
  };
  const toggle = (itemId: string, to?: boolean) =>
    setOpen((s) => {
      const next = new Set(s);
      if (to ?? !next.has(itemId)) next.add(itemId);
      else next.delete(itemId);
      return next;
    });

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>, node: Node) {
    const at = visible.findIndex((n) => n.id === node.id);
    const isOpen = q !== '' || open.has(node.id);
    const go = (i: number) => {
      const n = visible[i];
      if (n) focusItem(n.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        go(at + 1);
        break;
      case 'ArrowUp':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(visible.length - 1);
        break;
      case 'ArrowRight':
        if (expandable(node) && !isOpen) toggle(node.id, true);
        else if (node.children[0]) focusItem(node.children[0]);
        break;
      case 'ArrowLeft':
        if (expandable(node) && isOpen && q === '') toggle(node.id, false);
        else if (node.path.length) focusItem(node.path[node.path.length - 1] ?? node.id);
        break;
      case 'Enter':
      case ' ':
        setSelected(node.id);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const chosen = selected ? byId.get(selected) : undefined;
  const waiting =
    (searching && !lazy.found && !lazy.searchFailed) || visible.some((n) => lazy.branchState(n.id) === 'loading');
  const tabStop =
    active && visible.some((n) => n.id === active)
      ? active
      : (visible.find((n) => n.id === selected) ?? visible[0])?.id;
  return (
    <div className="agency-picker" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="picker-label">
        {label}
      </span>
      <input type="hidden" name={name} value={selected} />
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label={t('pickerSearch', { label })}
        placeholder={t('pickerSearchHint')}
        aria-controls={`${id}-tree`}
      />
      <p className="picker-choice" aria-live="polite">
        {chosen
          ? t('pickerChosen', { name: [...chosen.path.map((p) => byId.get(p)?.name ?? ''), chosen.name].join(' › ') })
          : t('pickerNone')}
      </p>
      <ul
        ref={listRef}
        id={`${id}-tree`}
        role="tree"
        aria-labelledby={`${id}-label`}
        aria-required={required || undefined}
        className="picker-tree"
        aria-busy={waiting || undefined}
      >
        {searching && !lazy.found ? (
          <StatusRow
            text={lazy.searchFailed ? t('pickerLoadFailed') : t('pickerSearching')}
            retry={lazy.searchFailed ? { label: t('pickerRetry'), run: lazy.retrySearch } : undefined}
          />
        ) : (
          visible.length === 0 && <StatusRow text={t('pickerNoMatch')} />
        )}
        {visible.map((n) => {
          const isOpen = q !== '' || open.has(n.id);
          const branch = isOpen && !searching ? lazy.branchState(n.id) : undefined;
          return [
            <li
              key={n.id}
              role="treeitem"
              data-id={n.id}
              aria-level={n.depth + 1}
              aria-selected={n.id === selected}
              aria-expanded={expandable(n) ? isOpen : undefined}
              tabIndex={n.id === tabStop ? 0 : -1}
              style={{ paddingInlineStart: `${n.depth * 1.25 + 0.25}em` }}
              onKeyDown={(e) => onKeyDown(e, n)}
              onFocus={() => setActive(n.id)}
              onClick={() => setSelected(n.id)}
            >
              {expandable(n) ? (
                <span
                  className="twisty"
                  aria-hidden="true"
                  onClick={(e) => {
                    e.stopPropagation();
                    if (q === '') toggle(n.id);
                  }}
                >
                  {isOpen ? '▾' : '▸'}
                </span>
              ) : (
                <span className="twisty" aria-hidden="true" />
              )}
              {n.name}
            </li>,
            branch && (
              <StatusRow
                key={`${n.id}-state`}
                depth={n.depth + 1}
                text={branch === 'error' ? t('pickerLoadFailed') : t('pickerLoading')}
                retry={branch === 'error' ? { label: t('pickerRetry'), run: () => lazy.retryBranch(n.id) } : undefined}
              />
            ),
          ];
        })}
        {searching && lazy.found?.truncated && (
          <StatusRow text={t('pickerTruncated', { count: lazy.found.agencies.length })} />
        )}
      </ul>
    </div>
  );
}

/** A line of the tree that is no agency (nothing found, loading, failed): not a tree item, so arrows skip it. */
function StatusRow({
  text,
  depth,
  retry,
}: {
  text: string;
  depth?: number;
  retry?: { label: string; run: () => void };
}) {
  return (
    <li
      role="none"
      className="subtle"
      style={depth === undefined ? undefined : { paddingInlineStart: `${depth * 1.25 + 1.45}em` }}
    >
      {text}
      {retry && (
        <button type="button" className="secondary" onClick={retry.run}>
          {retry.label}
        </button>
      )}
    </li>
  );
}
