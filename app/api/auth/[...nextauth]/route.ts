// Auth.js endpoints (session, CSRF, callbacks).
import { handlers } from "@/lib/server/auth/auth";

export const { GET, POST } = handlers;
