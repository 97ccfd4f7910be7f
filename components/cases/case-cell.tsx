// A table cell naming a case: its number, linked to the case file, and the item's name beneath.
import Link from "@/components/ui/link";
import { Data } from "@/components/ui/data";

export function CaseCell({ id, number, itemName }: { id: string; number: string | null; itemName: string }) {
  return (
    <td className="py-2 pr-3">
      <Link href={`/office/cases/${id}`} className="font-mono text-blue-800 underline">
        {number}
      </Link>
      <span className="block">
        <Data>{itemName}</Data>
      </span>
    </td>
  );
}
