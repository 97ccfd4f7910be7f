// Reads the pieces of a PostgreSQL connection URL that the stand-in schema engine needs.

/** Host, port, database, user and Prisma's `?schema=` of a postgres:// URL, for messages and connections. */
export function describeUrl(url) {
  const u = new URL(url);
  const user = decodeURIComponent(u.username) || "postgres";
  return {
    // A Unix socket is given as ?host=/path, which is what Prisma's messages show then.
    host: u.hostname || u.searchParams.get("host") || "localhost",
    port: u.port || "5432",
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || user,
    user,
    schema: u.searchParams.get("schema") || undefined,
  };
}

/** The same server and credentials, another database. */
export function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** pg options for a URL (pg ignores Prisma-only query parameters such as connection_limit). */
export function pgConfig(url, extra = {}) {
  const { schema } = describeUrl(url);
  const hasOptions = new URL(url).searchParams.has("options");
  return {
    connectionString: url,
    // The native engine gives up connecting after 5 s (Prisma's connect_timeout default) with P1001.
    connectionTimeoutMillis: 5000,
    // Unqualified names in migration scripts must land in the schema Prisma was told to use.
    ...(schema && !hasOptions ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
    ...extra,
  };
}

export function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}
