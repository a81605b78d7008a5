"use client";

import { createColumnHelper, metaHelper, tableFeatures, useTable, type ColumnDef, type RowData } from "@tanstack/react-table";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

/** Per-column styling, set as `meta: { className: "text-right" }` in a column definition. */
export type DataTableColumnMeta = {
  /** Classes for the column's cells and header. */
  className?: string;
  /** Extra classes for the header cell only. */
  headerClassName?: string;
};

/** The (core-only) feature set DataTable uses; server-side sorting/pagination live in the URL instead. */
export const dataTableFeatures = tableFeatures({ columnMeta: metaHelper<DataTableColumnMeta>() });
export type DataTableFeatures = typeof dataTableFeatures;

export type DataTableColumnDef<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>;

/**
 * Typed column helper. Define columns at module scope in a client file:
 *   const col = createDataTableColumnHelper<Payment>();
 *   const columns = col.columns([col.accessor("amount", { header: "Amount", meta: { className: "text-right" } })]);
 */
export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

export type DataTableProps<TData extends RowData> = {
  columns: DataTableColumnDef<TData>[];
  data: TData[];
  /** Shown in place of the rows when `data` is empty (e.g. an <EmptyState />). */
  empty?: React.ReactNode;
  /** Stable row keys (defaults to the index). */
  getRowId?: (row: TData, index: number) => string;
  /** Accessible caption; visually hidden unless `showCaption`. */
  caption?: React.ReactNode;
  showCaption?: boolean;
  className?: string;
  rowClassName?: string | ((row: TData) => string | undefined);
};

/** A presentational table over TanStack Table v9 (client component; columns contain render functions). */
export function DataTable<TData extends RowData>({
  columns,
  data,
  empty,
  getRowId,
  caption,
  showCaption = false,
  className,
  rowClassName,
}: DataTableProps<TData>) {
  const table = useTable({ features: dataTableFeatures, columns, data, getRowId });
  const rows = table.getRowModel().rows;
  const leafCount = table.getAllLeafColumns().length;

  return (
    <Table className={className}>
      {caption && <TableCaption className={cn(!showCaption && "sr-only")}>{caption}</TableCaption>}
      <TableHeader>
        {table.getHeaderGroups().map((group) => (
          <TableRow key={group.id}>
            {group.headers.map((header) => {
              const meta = header.column.columnDef.meta;
              return (
                <TableHead
                  key={header.id}
                  colSpan={header.colSpan > 1 ? header.colSpan : undefined}
                  className={cn("first:pl-6 last:pr-6", meta?.className, meta?.headerClassName)}
                >
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </TableHead>
              );
            })}
          </TableRow>
        ))}
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? (
          <TableRow className="hover:bg-transparent">
            <TableCell colSpan={leafCount} className="p-0">
              {empty ?? <p className="px-6 py-10 text-center text-sm text-muted-foreground">No results.</p>}
            </TableCell>
          </TableRow>
        ) : (
          rows.map((row) => (
            <TableRow
              key={row.id}
              className={typeof rowClassName === "function" ? rowClassName(row.original) : rowClassName}
            >
              {row.getAllCells().map((cell) => (
                <TableCell key={cell.id} className={cn("first:pl-6 last:pr-6", cell.column.columnDef.meta?.className)}>
                  <table.FlexRender cell={cell} />
                </TableCell>
              ))}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
