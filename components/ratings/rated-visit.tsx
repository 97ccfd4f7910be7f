// Which window visit a rating is of — an intake or a certificate's pick-up — with its application's
// number and item (and the certificate collected), or a bundle's one hand-over by the bundle's number
// and name: the phone's rating page and the window's tablet.
import { Data } from "@/components/ui/data";

/** The line's label (in the "ratings" messages) for each kind of visit. */
export const VISIT_LABEL = { INTAKE: "windowVisit", PICKUP: "pickupVisit", BUNDLE_PICKUP: "bundlePickupVisit" } as const;

export function RatedVisit({ label, number, itemName, certificateNumber, className }: { label: string; number: string | null; itemName: string; certificateNumber: string | null; className?: string }) {
  return (
    <p className={className}>
      {label} <span className="font-mono">{number}</span> · <Data>{itemName}</Data>
      {certificateNumber && (
        <>
          {" · "}
          <Data>{certificateNumber}</Data>
        </>
      )}
    </p>
  );
}
