// Back-office tables: one scrolling table with its caption for screen readers, its column headers and
// the rows the page gives (ScrollTable); and the frame of a list page around one (ListTable): a
// sentence when there is nothing, else a card holding the table.
import { Card } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";

export function ScrollTable({ caption, columns, testId, children }: { caption?: string; columns: string[]; testId?: string; children: React.ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function ListTable({ caption, columns, testId, empty, emptyTestId, children }: { caption: string; columns: string[]; testId: string; empty: string; emptyTestId?: string; children: React.ReactNode[] }) {
  if (children.length === 0) return <p data-testid={emptyTestId}>{empty}</p>;
  return (
    <Card>
      <ScrollTable caption={caption} columns={columns} testId={testId}>
        {children}
      </ScrollTable>
    </Card>
  );
}
