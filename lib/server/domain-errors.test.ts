import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { asAppError, isDatabaseUnavailable } from "./domain-errors";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("a database that is away for the moment", () => {
  it("is recognised from Prisma's codes, PostgreSQL's SQLSTATE and the socket, and answered UNAVAILABLE", () => {
    expect(isDatabaseUnavailable(withCode("Can't reach database server at 127.0.0.1:54410", "P1001"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Raw query failed. Code: `57P03`. Message: `the database system is not yet accepting connections`"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Database error", { cause: new Error("connect ECONNREFUSED 127.0.0.1:54410") }))).toBe(true);
    // The pool's client whose connection died with the server (seen in bench:intake's fault run).
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(asAppError(withCode("Timed out fetching a new connection from the connection pool", "P2024"))).toMatchObject({ code: "UNAVAILABLE" });
  });

  it("is not confused with an ordinary failure", () => {
    expect(isDatabaseUnavailable(withCode("Unique constraint failed on the fields: (`number`)", "P2002"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("something else"))).toBe(false);
    expect(isDatabaseUnavailable("57P03")).toBe(false);
    const other = new Error("boom");
    expect(asAppError(other)).toBe(other);
    expect(asAppError(new AppError("NOT_FOUND"))).toMatchObject({ code: "NOT_FOUND" });
  });
});
