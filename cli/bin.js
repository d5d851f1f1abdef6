#!/usr/bin/env node
// Entry point for `npx kamiroku` / an installed `kamiroku`: runs the TypeScript sources through tsx.
import { register } from "tsx/esm/api";

register();
await import("./main.ts");
