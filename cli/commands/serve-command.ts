import type { Server } from "node:http";
import type { Config } from "../../config/config.ts";
import { logger } from "../../config/logger.ts";
import { newSecret } from "../../review-ui/auth/secrets.ts";
import { createHttpApp } from "../http-app.ts";
import { startPipelineWorkers } from "../pipeline-workers.ts";
import { announceServer, withdrawServer } from "../running-server.ts";
import { openRuntime } from "../runtime.ts";
import { untilStopped } from "../until-stopped.ts";

/** `kamiroku serve`: API, upload, UI and workers in one process (the all-in-one mode). */
export async function serveCommand(config: Config): Promise<number> {
  const runtime = await openRuntime(config);
  const workers = await startPipelineWorkers(runtime);
  const localToken = newSecret();
  const app = await createHttpApp(runtime, localToken);
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const url = `http://${config.host}:${port}/`;
  await announceServer(config.dataDir, { url, token: localToken });
  logger.info({ url }, "Kamiroku is serving");
  console.error(`Kamiroku: http://${config.host}:${port}/ (Ctrl+C で停止)`);

  await untilStopped();
  logger.info("shutting down");
  await withdrawServer(config.dataDir);
  await new Promise((resolve) => server.close(resolve));
  await workers.close();
  await runtime.close();
  return 0;
}
