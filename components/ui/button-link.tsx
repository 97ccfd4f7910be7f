// A link that looks like a button: the primary action of a page (apply, walk-in filing, pay), or a
// secondary one beside it. One set of classes for every such link; `external` for a plain <a> to
// another site (e.g. the fiscal platform's payment page).
import type { ComponentProps } from "react";
import Link from "@/components/ui/link";

const VARIANTS = {
  primary: "inline-block rounded bg-brand px-4 py-2 font-medium text-white no-underline hover:bg-brand-dark",
  secondary: "inline-block rounded border border-brand px-4 py-2 font-medium text-brand no-underline",
} as const;

type Props = { variant?: keyof typeof VARIANTS; className?: string; children: React.ReactNode; "data-testid"?: string };

export function ButtonLink({ href, variant = "primary", className = "", external = false, ...rest }: Props & { href: ComponentProps<typeof Link>["href"] & string; external?: boolean }) {
  const classes = `${VARIANTS[variant]} ${className}`.trim();
  return external ? <a href={href} className={classes} {...rest} /> : <Link href={href} className={classes} {...rest} />;
}
