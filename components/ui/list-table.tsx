// The frame of a back-office list: a sentence when there is nothing, else a card with one scrolling
// table — its caption for screen readers, its column headers, and the rows the page gives.
import { Card } from "@/components/ui/notice";
import { TableHead } from "@/components/ui/table-head";

export function ListTable({ caption, columns, testId, empty, emptyTestId, children }: { caption: string; columns: string[]; testId: string; empty: string; emptyTestId?: string; children: React.ReactNode[] }) {
  if (children.length === 0) return <p data-testid={emptyTestId}>{empty}</p>;
  return (
    <Card>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
          <caption className="sr-only">{caption}</caption>
          <TableHead columns={columns} />
          <tbody>{children}</tbody>
        </table>
      </div>
    </Card>
  );
}
