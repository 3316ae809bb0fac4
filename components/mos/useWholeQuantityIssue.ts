import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { wholeQuantityIssue } from "@/lib/products/units";

/**
 * The browser's whole-number rule of lib/products/units (a counted product takes no fractions), in
 * the person's language: the rule is the library's, only the sentence is translated here.
 */
export function useWholeQuantityIssue() {
  const t = useTranslations("mos");
  return useCallback(
    (quantity: number, product: { name: string; uom: string }): string | null =>
      wholeQuantityIssue(quantity, product) === null ? null : t("validation.wholeNumber", { name: product.name, uom: product.uom.trim() }),
    [t],
  );
}
