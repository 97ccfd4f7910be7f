// The case panel offers exactly what the transition table offers: for every state, role, item kind
// and clock, the forms it renders carry the allowed actions and nothing else, and the refusals it
// shows are the refused ones.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/domain/access/roles";
import { APPLICATION_STATES } from "@/lib/domain/workflow/application-workflow";
import { availableActions } from "@/lib/domain/workflow/available-actions";
import { IntakeForm, type IntakeDecision } from "@/components/applications/intake-form";
import { CaseActionsCard, type CaseActions } from "./case-panel";

const noop = async () => null;
const actions = Object.fromEntries(["review", "decide", "escalate", "forward", "reply", "suspend", "resume", "survey", "extend", "issue", "endCertificate", "replaceCertificate", "recordDelivery"].map((k) => [k, noop])) as unknown as CaseActions;
const t = (key: string) => key;
const marked = (html: string, attribute: string) => [...html.matchAll(new RegExp(`${attribute}="([A-Z_ ]+)"`, "g"))].flatMap((m) => m[1].split(" ")).sort();

// Actions of the case panel (the window's intake and the filer's steps have their own screens).
const CASE_PANEL = new Set(["RECORD_REVIEW", "ADD_OPINION", "ESCALATE", "FORWARD", "RECORD_HIGHER_REPLY", "APPROVE", "DENY", "SUSPEND", "RESUME", "SURVEY", "EXTEND", "ISSUE"]);
const INTAKE: IntakeDecision[] = ["ACCEPT", "ACCEPT_WITH_DEFICIENCIES", "REQUEST_CORRECTION", "REJECT"];

describe("the screens render from availableActions", () => {
  it("the case panel, for every (state, role, item kind, suspended) and with or without a delegation", () => {
    let combinations = 0;
    for (const state of APPLICATION_STATES)
      for (const role of ROLES)
        for (const itemKind of ["INSTANT", "PROMISED", "REPORTED"] as const)
          for (const suspended of [false, true])
            for (const [authority, owedMaterials] of [[undefined, 0], [{ ok: false as const, reason: "EXPIRED" }, 1]] as const) {
              const offers = availableActions(state, role, { itemKind, suspended, authority, owedMaterials });
              const html = renderToStaticMarkup(<CaseActionsCard offers={offers} authority={null} applicationId="a1" actions={actions} t={t} />);
              const key = { state, role, itemKind, suspended, authority: authority?.reason ?? "ok" };
              const allowed = offers.filter((o) => o.allowed && CASE_PANEL.has(o.action)).map((o) => o.action).sort();
              expect({ ...key, offered: marked(html, "data-actions") }).toEqual({ ...key, offered: allowed });
              // Each refused decision or review is explained (one notice for the pair approve/deny).
              const refused = offers.filter((o) => !o.allowed).map((o) => o.action);
              const shown = marked(html, "data-refused");
              for (const action of shown) expect(refused).toContain(action);
              if (refused.includes("RECORD_REVIEW")) expect(shown).toContain("RECORD_REVIEW");
              if (refused.includes("ISSUE")) expect(shown).toContain("ISSUE");
              if (refused.includes("APPROVE") && !allowed.includes("DENY")) expect(shown).toContain("APPROVE");
              combinations++;
            }
    expect(combinations).toBe(APPLICATION_STATES.length * ROLES.length * 3 * 2 * 2);
  });

  it("the window's intake form offers exactly the intake decisions the table allows", () => {
    for (const state of APPLICATION_STATES)
      for (const role of ROLES) {
        const offered = availableActions(state, role, {}).filter((o) => o.allowed && (INTAKE as string[]).includes(o.action)).map((o) => o.action as IntakeDecision);
        const html = renderToStaticMarkup(<IntakeForm action={noop} applicationId="a1" materials={[]} decisions={offered} labels={new Proxy({}, { get: (_, k) => String(k) }) as never} />);
        expect({ state, role, radios: [...html.matchAll(/name="decision" value="([A-Z_]+)"/g)].map((m) => m[1]).sort() }).toEqual({ state, role, radios: [...offered].sort() });
      }
  });
});
