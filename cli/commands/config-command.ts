import { type Config, describeConfig } from "../../config/config.ts";

/** `kamiroku config`: the effective configuration, secrets masked. */
export function configCommand(config: Config): number {
  const entries = describeConfig(config);
  const width = Math.max(...entries.map((entry) => entry.env.length));
  for (const entry of entries) console.log(`${entry.env.padEnd(width)}  ${entry.value}`);
  return 0;
}
