// Links without prefetching: on a phone on slow mobile data, fetching every linked page in view
// costs bytes and main-thread time the visitor did not ask for (Lighthouse measured it on the
// public pages). A link may still ask for it with prefetch.
import NextLink from "next/link";
import type { ComponentProps } from "react";

export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
