'use client';

import { useTranslations } from 'next-intl';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import './agency-picker.css';

export type PickerAgency = { id: string; name: string; parentId?: string | null };
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
};

/**
 * Picks one agency from a tree (ARIA tree pattern): type to filter by name (matches shown with their ancestors),
 * arrows move, → opens and ← closes a branch, Enter or Space selects. The choice travels in a hidden input `name`,
 * so the surrounding form posts it like a select. Roots start open, deeper levels closed.
 */
export function AgencyPicker({ name, label, agencies, defaultValue, required = false, onChange }: Props) {
  const t = useTranslations('common');
  const id = useId();
  const nodes = useMemo(() => buildTree(agencies), [agencies]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const [query, setQuery] = useState('');
  const [selected, setChosen] = useState<string>(
    defaultValue ?? (required && nodes.length === 1 ? (nodes[0]?.id ?? '') : ''),
  );
  const setSelected = (id: string) => {
    setChosen(id);
    onChange?.(id);
  };
  const [open, setOpen] = useState<Set<string>>(() => new Set(nodes.filter((n) => n.depth === 0).map((n) => n.id)));
  const [active, setActive] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  const q = query.trim().toLowerCase();
  const visible = useMemo(() => {
    if (q) {
      const keep = new Set<string>();
      for (const n of nodes) if (n.name.toLowerCase().includes(q)) [...n.path, n.id].forEach((x) => keep.add(x));
      return nodes.filter((n) => keep.has(n.id));
    }
    return nodes.filter((n) => n.path.every((p) => open.has(p)));
  }, [nodes, q, open]);

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
        if (node.children.length && !isOpen) toggle(node.id, true);
        else if (node.children[0]) focusItem(node.children[0]);
        break;
      case 'ArrowLeft':
        if (node.children.length && isOpen && q === '') toggle(node.id, false);
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
      >
        {visible.length === 0 && (
          <li role="none" className="subtle">
            {t('pickerNoMatch')}
          </li>
        )}
        {visible.map((n) => {
          const isOpen = q !== '' || open.has(n.id);
          return (
            <li
              key={n.id}
              role="treeitem"
              data-id={n.id}
              aria-level={n.depth + 1}
              aria-selected={n.id === selected}
              aria-expanded={n.children.length ? isOpen : undefined}
              tabIndex={n.id === tabStop ? 0 : -1}
              style={{ paddingInlineStart: `${n.depth * 1.25 + 0.25}em` }}
              onKeyDown={(e) => onKeyDown(e, n)}
              onFocus={() => setActive(n.id)}
              onClick={() => setSelected(n.id)}
            >
              {n.children.length > 0 ? (
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
            </li>
          );
        })}
      </ul>
    </div>
  );
}
