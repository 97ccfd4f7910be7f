// 开放接口文档: the open API's reference, rendered on the server from the same OpenAPI document
// /api/v1/openapi.json serves (no script, no files from elsewhere). The interactive Swagger UI console
// is at /api/docs.
import { ScrollTable } from "@/components/ui/list-table";
import { getLocale, getTranslations } from "next-intl/server";
import { Prose } from "@/components/api/prose";
import { Card, PageTitle } from "@/components/ui/notice";
import { PER_CLIENT, PER_KEY } from "@/lib/domain/api/rate-limit";
import { openApiDocument } from "@/lib/server/api/openapi";
import { API_PROBLEM_CODES, PROBLEM_STATUS, problemTitle } from "@/lib/server/api/problem";

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  additionalProperties?: Schema | boolean;
};
type Parameter = { in: string; name: string; required?: boolean; description?: string; schema: Schema };
type Operation = { summary: string; description: string; operationId: string; parameters?: Parameter[]; security: Record<string, string[]>[]; responses: Record<string, { description: string; content: Record<string, { schema: Schema }> }> };

export async function generateMetadata() {
  return { title: (await getTranslations("api.docs"))("title") };
}

const refName = (ref: string) => ref.split("/").pop() ?? ref;

/** A schema's type in a few words, with links to named schemas. */
function TypeOf({ schema }: { schema: Schema | undefined }): React.ReactNode {
  if (!schema) return "any";
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return (
      <a href={`#schema-${name}`} className="text-blue-800 underline">
        {name}
      </a>
    );
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union)
    return union.map((s, i) => (
      <span key={i}>
        {i > 0 && " | "}
        <TypeOf schema={s} />
      </span>
    ));
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.type === "array")
    return (
      <>
        <TypeOf schema={schema.items} />
        []
      </>
    );
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "object");
  const facets = [schema.format, schema.pattern && `/${schema.pattern}/`, schema.minimum !== undefined && `≥ ${schema.minimum}`, schema.maximum !== undefined && `≤ ${schema.maximum}`, schema.maxLength !== undefined && `≤ ${schema.maxLength} chars`].filter(Boolean);
  return facets.length ? `${type} (${facets.join(", ")})` : type;
}

export default async function DevelopersPage() {
  const [t, locale] = await Promise.all([getTranslations("api.docs"), getLocale()]);
  const doc = openApiDocument() as unknown as { info: { title: string; version: string }; paths: Record<string, { get: Operation }>; components: { schemas: Record<string, Schema> } };
  const lang = locale === "en" ? "en" : "zh-CN";
  return (
    <div className="flex flex-col gap-4" data-testid="developers-page">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("lead")}</p>
      <ul className="flex flex-wrap gap-4">
        <li>
          <a href="/api/v1/openapi.json" className="text-blue-800 underline" data-testid="openapi-link">
            {t("openapi")}
          </a>
        </li>
        <li>
          {/* A route handler's page, not the app's: a plain link (a full load), never a client-side move. */}
          <a href="/api/docs" className="text-blue-800 underline" data-testid="console-link">
            {t("console")}
          </a>
        </li>
      </ul>
      <Card title={t("auth")}>
        <p>{t("authText")}</p>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-2 text-sm" lang="en">
          curl -H &quot;Authorization: Bearer gak_…&quot; {"<portal>"}/api/v1/decisions
        </pre>
      </Card>
      <Card title={t("limits")}>
        <p>{t("limitsText", { perKey: PER_KEY.max, perClient: PER_CLIENT.max })}</p>
      </Card>
      <Card title={t("problems")}>
        <p className="mb-2">{t("problemsText")}</p>
        <ScrollTable columns={[t("code"), t("status"), t("description")]} testId="problem-codes">
              {API_PROBLEM_CODES.map((code) => (
                <tr key={code} id={`problem-${code}`} className="border-b border-slate-200">
                  <td className="py-2 pr-3 font-mono">{code}</td>
                  <td className="py-2 pr-3">{PROBLEM_STATUS[code]}</td>
                  <td className="py-2 pr-3">{problemTitle(code, lang)}</td>
                </tr>
              ))}
            </ScrollTable>
      </Card>
      <h2 className="text-xl font-semibold">{t("routes")}</h2>
      {Object.entries(doc.paths).map(([route, { get: op }]) => {
        const scope = op.security.find((s) => s.apiKey?.length)?.apiKey[0];
        return (
          <Card
            key={route}
            title={
              <span className="font-mono" lang="en" data-testid={`route-${op.operationId}`}>
                GET {route}
              </span>
            }
          >
            <p className="font-medium">
              <Prose>{op.summary}</Prose>
            </p>
            <p className="mb-2 text-sm">
              <Prose>{op.description}</Prose>
            </p>
            <p className="mb-2 text-sm">{scope ? t("needsScope", { scope }) : t("public")}</p>
            <h3 className="mt-2 font-semibold">{t("parameters")}</h3>
            {!op.parameters?.length ? (
              <p className="text-sm">{t("noParameters")}</p>
            ) : (
              <ScrollTable caption={t("tableCaption", { route })} columns={[t("parameter"), t("where"), t("type"), t("required"), t("description")]}>
                    {op.parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`} className="border-b border-slate-200 align-top">
                        <td className="py-2 pr-3 font-mono">{p.name}</td>
                        <td className="py-2 pr-3">{p.in === "path" ? t("path") : t("query")}</td>
                        <td className="py-2 pr-3 font-mono" lang="en">
                          <TypeOf schema={p.schema} />
                        </td>
                        <td className="py-2 pr-3">{p.required ? t("yes") : t("no")}</td>
                        <td className="py-2 pr-3">
                          <Prose>{p.description ?? p.schema.description}</Prose>
                        </td>
                      </tr>
                    ))}
                  </ScrollTable>
            )}
            <h3 className="mt-3 font-semibold">{t("responses")}</h3>
            <ScrollTable caption={t("responsesCaption", { route })} columns={[t("status"), t("type"), t("description")]}>
                  {Object.entries(op.responses).map(([status, r]) => {
                    const [media, content] = Object.entries(r.content ?? {})[0] ?? [];
                    return (
                      <tr key={status} className="border-b border-slate-200 align-top">
                        <td className="py-2 pr-3">{status}</td>
                        <td className="py-2 pr-3 font-mono" lang="en">
                          {media} <TypeOf schema={content?.schema} />
                        </td>
                        <td className="py-2 pr-3">
                          <Prose>{r.description}</Prose>
                        </td>
                      </tr>
                    );
                  })}
                </ScrollTable>
          </Card>
        );
      })}
      <h2 className="text-xl font-semibold">{t("schemas")}</h2>
      {Object.entries(doc.components.schemas).map(([name, schema]) => (
        <section key={name} id={`schema-${name}`} className="rounded border border-slate-200 bg-white p-5 shadow-sm">
          <h3 className="mb-2 font-mono text-lg font-semibold" lang="en">
            {name}
          </h3>
          {schema.description && (
            <p className="mb-2 text-sm">
              <Prose>{schema.description}</Prose>
            </p>
          )}
          {schema.properties ? (
            <ScrollTable caption={t("schemaCaption", { name })} columns={[t("field"), t("type"), t("required"), t("description")]}>
                  {Object.entries(schema.properties).map(([field, s]) => (
                    <tr key={field} className="border-b border-slate-200 align-top">
                      <td className="py-2 pr-3 font-mono">{field}</td>
                      <td className="py-2 pr-3 font-mono" lang="en">
                        <TypeOf schema={s} />
                      </td>
                      <td className="py-2 pr-3">{schema.required?.includes(field) ? t("yes") : t("no")}</td>
                      <td className="py-2 pr-3">
                        <Prose>{s.description}</Prose>
                      </td>
                    </tr>
                  ))}
                </ScrollTable>
          ) : (
            <p className="font-mono text-sm" lang="en">
              <TypeOf schema={schema} />
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
