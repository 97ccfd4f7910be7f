// The 好差评 form of one service: the overall level (required), the national guide's aspects for the
// channel (each optional), a comment, and — where the rater is known — whether to rate anonymously.
// Labels come translated from the page; the action records one rating.
import { ActionForm, type FormAction } from "@/components/applications/action-form";
import { RATING_ASPECTS, RATING_LEVELS, type RatedService } from "@/lib/domain/ratings/ratings";

export type RatingLabels = {
  level: string;
  levels: Record<(typeof RATING_LEVELS)[number], string>;
  aspects: Record<string, string>;
  notRated: string;
  comment: string;
  anonymous: string;
  submit: string;
  done: string;
};

export function RatingForm({ action, fields, service, labels, anonymousChoice, testId }: { action: FormAction; fields: Record<string, string>; service: RatedService; labels: RatingLabels; anonymousChoice: boolean; testId: string }) {
  const levels = RATING_LEVELS.map((l) => ({ value: l, label: labels.levels[l] }));
  return (
    <ActionForm
      action={action}
      fields={fields}
      label={labels.submit}
      done={labels.done}
      testId={testId}
      inputs={[
        { name: "level", kind: "select", label: labels.level, options: [{ value: "", label: labels.notRated }, ...levels] },
        ...RATING_ASPECTS[service].map((a) => ({ name: `aspect.${a}`, kind: "select" as const, label: labels.aspects[a], options: [{ value: "", label: labels.notRated }, ...levels] })),
        { name: "comment", kind: "textarea", label: labels.comment },
        ...(anonymousChoice ? [{ name: "anonymous", kind: "checkbox" as const, label: labels.anonymous }] : []),
      ]}
    />
  );
}
