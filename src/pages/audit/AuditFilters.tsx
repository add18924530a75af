import { Button, Field, Input, makeStyles, Select, tokens } from "@fluentui/react-components";
import { AUDIT_ACTIONS } from "../../api/contract";
import type { AdminText } from "../../i18n";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface AuditFilterValues {
  from: string;
  to: string;
  action: string;
  person: string;
  review: string;
}

export const NO_FILTERS: AuditFilterValues = { from: "", to: "", action: "", person: "", review: "" };

/** The filters as the API's query: trimmed, empty ones left out. */
export function auditQuery(filters: AuditFilterValues): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) if (value.trim()) query[key] = value.trim();
  return query;
}

/** A date filter is empty or YYYY-MM-DD (the form the API takes, whatever the browser's locale). */
export function isBadDate(value: string): boolean {
  return value.trim() !== "" && !ISO_DATE.test(value.trim());
}

const useStyles = makeStyles({
  filters: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
});

/** Date range, event, person and request filters, with Search and CSV export (both refused while a date is malformed). */
export function AuditFilters(props: {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
  loading: boolean;
  text: AdminText;
  onSearch: () => void;
  onExport: () => void;
}) {
  const { value, text } = props;
  const styles = useStyles();
  const badFrom = isBadDate(value.from);
  const badTo = isBadDate(value.to);
  const set = (key: keyof AuditFilterValues) => (_e: unknown, data: { value: string }) => props.onChange({ ...value, [key]: data.value });
  return (
    <div className={styles.filters} data-testid="filters">
      <Field label={text.from} validationMessage={badFrom ? text.badDate : null}>
        <Input value={value.from} placeholder={text.datePlaceholder} onChange={set("from")} data-testid="filter-from" />
      </Field>
      <Field label={text.to} validationMessage={badTo ? text.badDate : null}>
        <Input value={value.to} placeholder={text.datePlaceholder} onChange={set("to")} data-testid="filter-to" />
      </Field>
      <Field label={text.action}>
        <Select value={value.action} onChange={set("action")} data-testid="filter-action">
          <option value="">{text.anyAction}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {text.actions[a]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={text.person}>
        <Input value={value.person} onChange={set("person")} data-testid="filter-person" />
      </Field>
      <Field label={text.review}>
        <Input value={value.review} onChange={set("review")} data-testid="filter-review" />
      </Field>
      <Button appearance="primary" disabled={badFrom || badTo || props.loading} onClick={props.onSearch} data-testid="search">
        {text.search}
      </Button>
      <Button disabled={badFrom || badTo} onClick={props.onExport} data-testid="export">
        {text.exportCsv}
      </Button>
    </div>
  );
}
