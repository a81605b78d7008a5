import type { Hono } from "hono";
import type { Engine } from "../engine";
import type { Env } from "../http";

export function legacyRoutes(_app: Hono<Env>, _engine: Engine) {}
