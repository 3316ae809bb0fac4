import { useTranslations } from "next-intl";
import { useState } from "react";
import { Pill } from "../../mos/badges";
import { useDebounced } from "../../useDebounced";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { TextField } from "../../ui/Field";
import { Spinner } from "../../ui/Spinner";
import { focusRing } from "../../ui/styles";
import { RawMaterialsTable } from "../RawMaterialsTable";
import type { ExplosionNode } from "../types";
import { useExplosion } from "../useExplosion";
import { formatQty, parseNumber } from "../../format";

/** Every branch's key (its path of product ids), to collapse or expand them all at once. */
function branchKeys(node: ExplosionNode, path = node.productId, out: string[] = []): string[] {
  if (node.children.length) out.push(path);
  node.children.forEach((c, i) => branchKeys(c, `${path}/${i}:${c.productId}`, out));
  return out;
}

function Node({ node, path, depth, collapsed, toggle }: { node: ExplosionNode; path: string; depth: number; collapsed: Set<string>; toggle: (path: string) => void }) {
  const t = useTranslations("products");
  const open = !collapsed.has(path);
  const hasKids = node.children.length > 0;
  return (
    <li data-testid="tree-node" data-sku={node.sku} data-depth={depth}>
      <div className="flex min-h-11 items-center gap-2 rounded-md pr-2 hover:bg-neutral-50" style={{ paddingLeft: `${depth * 1.5}rem` }}>
        {hasKids ? (
          <button
            type="button"
            onClick={() => toggle(path)}
            aria-expanded={open}
            aria-label={open ? t("tree.collapse", { sku: node.sku }) : t("tree.expand", { sku: node.sku })}
            className={`flex h-11 w-11 shrink-0 items-center justify-center rounded-md text-neutral-600 hover:bg-neutral-100 ${focusRing}`}
          >
            <svg viewBox="0 0 16 16" className={`h-4 w-4 transition-transform ${open ? "rotate-90" : ""}`} fill="currentColor" aria-hidden="true">
              <path d="M6 3.5 11 8l-5 4.5z" />
            </svg>
          </button>
        ) : (
          <span className="flex h-11 w-11 shrink-0 items-center justify-center" aria-hidden="true">
            <span className="h-1.5 w-1.5 rounded-full bg-neutral-400" />
          </span>
        )}
        <div className="flex min-w-0 flex-1 flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 py-1">
          <span className="min-w-0">
            <span className="font-semibold text-neutral-900">{node.sku}</span> <span className="text-neutral-700">{node.name}</span>
            {depth > 0 && <span className="ml-2 text-sm text-neutral-500">{t("tree.perParent", { qty: formatQty(node.qtyPerUnit) })}</span>}
          </span>
          <span className="ml-auto whitespace-nowrap font-medium tabular-nums text-neutral-900" data-testid="tree-qty">
            {formatQty(node.quantity, node.uom)}
          </span>
        </div>
      </div>
      {hasKids && open && (
        <ul aria-label={t("tree.componentsOf", { sku: node.sku })}>
          {node.children.map((c, i) => (
            <Node key={`${c.productId}-${i}`} node={c} path={`${path}/${i}:${c.productId}`} depth={depth + 1} collapsed={collapsed} toggle={toggle} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The multi-level explosion of a product for a chosen quantity: an expandable tree and the summed raw materials. */
export function ExplosionTree({ productId, uom }: { productId: string; uom: string }) {
  const t = useTranslations("products");
  const [qtyText, setQtyText] = useState("1");
  const qty = parseNumber(useDebounced(qtyText, 300));
  const valid = qty !== null && qty > 0;
  const { data, error, isValidating } = useExplosion(productId, valid ? qty : null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const toggle = (path: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });

  return (
    <div className="space-y-4 p-4 sm:p-5">
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-40">
          <TextField label={t("tree.quantity", { uom })} inputMode="decimal" value={qtyText} onChange={(e) => setQtyText(e.target.value)} error={qtyText.trim() && !valid ? t("tree.quantityInvalid") : undefined} />
        </div>
        {data && data.tree.children.length > 0 && (
          <>
            <Button variant="secondary" onClick={() => setCollapsed(new Set())}>
              {t("tree.expandAll")}
            </Button>
            <Button variant="secondary" onClick={() => setCollapsed(new Set(branchKeys(data.tree).slice(1)))}>
              {t("tree.collapseAll")}
            </Button>
          </>
        )}
        {isValidating && <Spinner className="mb-3.5 h-4 w-4 text-neutral-500" />}
      </div>
      {error ? (
        <Alert tone="error" title={t("tree.failed")}>
          {error.message}
        </Alert>
      ) : !data ? (
        <p role="status" className="flex items-center gap-2 text-sm text-neutral-600">
          <Spinner className="h-4 w-4" /> {t("tree.loading")}
        </p>
      ) : data.tree.children.length === 0 ? (
        <p className="text-sm text-neutral-600">{t("tree.noComponents")}</p>
      ) : (
        <>
          <ul aria-label={t("tree.treeLabel")} className="rounded-md border border-neutral-200 p-1" data-testid="bom-tree">
            <Node node={data.tree} path={data.tree.productId} depth={0} collapsed={collapsed} toggle={toggle} />
          </ul>
          <div>
            <h3 className="flex items-center gap-2 text-sm font-semibold text-neutral-900">
              {t("tree.rawMaterialsFor", { qty: formatQty(data.quantity, uom) })} {data.materials.some((m) => m.short) && <Pill tone="red">{t("tree.someShort")}</Pill>}
            </h3>
            <div className="mt-2">
              <RawMaterialsTable materials={data.materials} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
