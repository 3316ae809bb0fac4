import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/router";
import { createMoInput } from "@/lib/manufacturing/schemas";
import { isCountedUnit } from "@/lib/products/units";
import { endOfLocalDayIso, formatNumber, localDayOf, parseNumber } from "../../format";
import { FormError } from "../../forms/FormError";
import { sendWithKey } from "../../forms/send";
import { useApiForm } from "../../forms/useApiForm";
import { ProductPicker, type PickedProduct } from "../../products/ProductPicker";
import { useDebounced } from "../../useDebounced";
import { Button, buttonClass } from "../../ui/Button";
import { SelectField, TextField } from "../../ui/Field";
import { Pill } from "../badges";
import { CustomerFields } from "../CustomerFields";
import { MoLocationFields } from "../LocationFields";
import { useMoFieldLabels, useOrderLabels } from "../labels";
import { useWholeQuantityIssue } from "../useWholeQuantityIssue";
import { PageHeader, Section } from "../PageHeader";
import { PRIORITIES, type MoDetail, type Priority } from "../types";
import { RequirementsPreview } from "./RequirementsPreview";

interface Values {
  product: PickedProduct | null;
  /** The name as typed; empty while it follows the product and quantity. */
  name: string;
  nameTouched: boolean;
  quantity: string;
  deadline: string;
  priority: Priority;
  customerName: string;
  customerRef: string;
  promisedDate: string;
  notes: string;
  /** Sub-assembly orders for components with a BOM of their own (the API's default: what is short). */
  childOrders: ChildOrdersMode;
  /** Where materials come from and output goes ("" = the default picking and FG). */
  sourceLocationId: string;
  destLocationId: string;
}

const CHILD_ORDER_MODES = ["shortage", "all", "none"] as const;
type ChildOrdersMode = (typeof CHILD_ORDER_MODES)[number];

const EMPTY: Values = { product: null, name: "", nameTouched: false, quantity: "1", deadline: "", priority: "NORMAL", customerName: "", customerRef: "", promisedDate: "", notes: "", childOrders: "shortage", sourceLocationId: "", destLocationId: "" };


const orNull = (s: string) => (s.trim() ? s.trim() : null);

function suggestedName(v: Pick<Values, "product" | "quantity">): string {
  if (!v.product) return "";
  const q = parseNumber(v.quantity);
  return `${q && q > 0 ? `${formatNumber(q)} × ` : ""}${v.product.name}`;
}

const nameOf = (v: Values) => (v.nameTouched ? v.name : suggestedName(v));

/** A deadline before today is allowed (back-office entry of a late order) but worth a second look. */
function isPastDay(day: string): boolean {
  return Boolean(day) && day < localDayOf(new Date());
}

/** The "new manufacturing order" screen: product, quantity, dates, customer; requirements before saving. */
export function MoCreateForm() {
  const t = useTranslations("mos");
  const labels = useOrderLabels();
  const fieldLabels = useMoFieldLabels();
  const wholeQuantityIssue = useWholeQuantityIssue();
  const router = useRouter();
  const f = useApiForm({
    id: "mo-create",
    schema: createMoInput,
    defaultValues: EMPTY,
    labels: { ...fieldLabels, childOrders: t("create.childOrders"), sourceLocationId: t("locations.source"), destLocationId: t("locations.dest") },
    aliases: { productId: "product" },
    numbers: ["quantity"],
    check: (v) => {
      const q = parseNumber(v.quantity);
      return {
        product: v.product ? undefined : t("create.chooseProduct"),
        quantity: q !== null && v.product ? (wholeQuantityIssue(q, v.product) ?? undefined) : undefined,
      };
    },
    toBody: (v) => ({
      name: nameOf(v).trim(),
      productId: v.product?.productId ?? "",
      quantity: parseNumber(v.quantity),
      priority: v.priority,
      deadline: v.deadline ? endOfLocalDayIso(v.deadline) : null,
      customerName: orNull(v.customerName),
      customerRef: orNull(v.customerRef),
      promisedDate: v.promisedDate ? endOfLocalDayIso(v.promisedDate) : null,
      notes: orNull(v.notes),
      childOrders: v.childOrders,
      sourceLocationId: v.sourceLocationId || null,
      destLocationId: v.destLocationId || null,
    }),
    send: (body, key) => sendWithKey<MoDetail>("/api/mos", "POST", body, key),
    onSuccess: (mo) => router.push(`/mos/${mo.id}`),
  });
  const { register, fieldError: err, form } = f;
  const values = form.watch();
  const product = values.product;
  const quantity = parseNumber(values.quantity);
  const previewQty = useDebounced(quantity !== null && Number.isFinite(quantity) ? quantity : null, 300);
  const counted = product ? isCountedUnit(product.uom) : false;
  const setProduct = (p: PickedProduct | null) => form.setValue("product", p, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href="/mos" className="hover:underline">
            {t("detail.back")}
          </Link>
        }
        title={t("create.title")}
        description={t("create.description")}
      />
      <form onSubmit={f.onSubmit} aria-label={t("create.title")} noValidate className="grid items-start gap-6 lg:grid-cols-2">
        {/* On a tablet the requirements follow the product directly; on a desk they sit beside the form. */}
        <div className="lg:col-start-1 lg:row-start-1">
          <Section title={t("create.productSection")}>
            <div className="space-y-4 p-4 sm:p-5">
              <FormError form={f} title={t("create.failed")} />
              {product ? (
                <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-blue-200 bg-blue-50 px-4 py-3" data-testid="chosen-product">
                  <div>
                    <p className="text-sm text-neutral-600">{t("fields.product")}</p>
                    <p className="text-base">
                      <span className="font-semibold text-neutral-900">{product.sku}</span> <span className="text-neutral-800">{product.name}</span>{" "}
                      <Pill tone={product.isFinished ? "blue" : "neutral"}>{product.isFinished ? t("create.finished") : t("create.material")}</Pill>
                    </p>
                  </div>
                  <Button variant="secondary" onClick={() => setProduct(null)}>
                    {t("create.changeProduct")}
                  </Button>
                </div>
              ) : (
                <ProductPicker label={t("create.productToMake")} source="products" first="finished" browse onChange={setProduct} error={err("product")} />
              )}
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  label={product ? t("create.quantityIn", { uom: product.uom }) : t("fields.quantity")}
                  inputMode={counted ? "numeric" : "decimal"}
                  required
                  {...register("quantity")}
                  hint={counted ? t("create.countedHint", { uom: product!.uom }) : undefined}
                  error={err("quantity")}
                />
                <SelectField label={t("fields.priority")} {...register("priority")} error={err("priority")}>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {labels.priority(p)}
                    </option>
                  ))}
                </SelectField>
                <div className="sm:col-span-2">
                  <TextField
                    label={t("fields.name")}
                    required
                    maxLength={200}
                    name="name"
                    value={nameOf(values)}
                    onChange={(e) => {
                      form.setValue("nameTouched", true);
                      form.setValue("name", e.target.value, { shouldDirty: true });
                    }}
                    hint={values.nameTouched ? undefined : t("create.nameHint")}
                    error={err("name")}
                  />
                </div>
                <TextField label={t("fields.deadline")} type="date" {...register("deadline")} error={err("deadline")} warning={isPastDay(values.deadline) ? t("create.pastDeadline") : undefined} hint={t("create.deadlineHint")} />
                <SelectField label={t("create.childOrders")} {...register("childOrders")} hint={t("create.childOrdersHint")} error={err("childOrders")}>
                  {CHILD_ORDER_MODES.map((m) => (
                    <option key={m} value={m}>
                      {t(`create.childOrdersMode.${m}`)}
                    </option>
                  ))}
                </SelectField>
              </div>
              <MoLocationFields form={f} />
            </div>
          </Section>
        </div>
        <div className="lg:col-start-2 lg:row-span-3 lg:row-start-1">
          <Section title={t("create.requirementsSection")} testId="requirements-section">
            {product ? (
              <RequirementsPreview
                product={{ id: product.productId, sku: product.sku, uom: product.uom }}
                quantity={previewQty}
                priority={values.priority}
                deadline={values.deadline ? endOfLocalDayIso(values.deadline) : null}
              />
            ) : (
              <p className="px-4 py-4 text-sm text-neutral-600 sm:px-5">{t("create.chooseProductFirst")}</p>
            )}
          </Section>
        </div>
        <div className="lg:col-start-1 lg:row-start-2">
          <Section title={t("create.customerSection")}>
            <CustomerFields form={f} className="grid gap-4 p-4 sm:grid-cols-2 sm:p-5" />
          </Section>
        </div>
        <div className="space-y-4 lg:col-start-1 lg:row-start-3">
          <div className="flex flex-wrap gap-3">
            <Button type="submit" size="lg" busy={f.busy}>
              {t("create.submit")}
            </Button>
            <Link href="/mos" className={buttonClass("secondary", "lg")} onClick={f.discard}>
              {t("create.cancel")}
            </Link>
          </div>
        </div>
      </form>
    </div>
  );
}
