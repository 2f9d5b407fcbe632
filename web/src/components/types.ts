/** Column of a list page's table (declared in the page's data.ts). `label` is an i18n key. */
export interface TableColumn<Row = Record<string, unknown>> {
  prop: string
  /** i18n key, or the text itself when `rawLabel` is set (labels the server sends). */
  label: string
  rawLabel?: boolean
  width?: number | string
  minWidth?: number | string
  align?: 'left' | 'center' | 'right'
  /** Long values are cut with a tooltip. */
  tooltip?: boolean
  /** Shown in a monospace face (ids, hashes, addresses). */
  mono?: boolean
  /** An RFC 3339 instant, shown as Asia/Shanghai time. */
  datetime?: boolean
  /** Render the cell with the page's slot of the same name (`#cell-<prop>`). */
  slot?: boolean
  format?: (row: Row) => string
}

export interface SelectOption {
  value: string | number | boolean
  /** i18n key, or text when `raw` is set. */
  label: string
  raw?: boolean
}

/** Field of a list page's search form (declared in data.ts). `label` is an i18n key. */
export type SearchField =
  | { prop: string; label: string; type: 'input'; maxlength?: number }
  | { prop: string; label: string; type: 'select'; options: SelectOption[] }
  | { prop: string; label: string; type: 'datetimerange' }
  /** The page fills in the control with the slot `#field-<prop>`. */
  | { prop: string; label: string; type: 'slot' }
