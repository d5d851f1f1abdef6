/**
 * npm run bench:ui — server-side cost of the review screen's hot path with a full database:
 * a reviewer opens a record, corrects one field and approves it, getting the next record's id
 * (approve-and-next), with 10,000 records waiting in PostgreSQL. The anchor, measured in the
 * same run over the same HTTP connection, is GET /healthz (no database): the ratio tells how much
 * of the time is Kamiroku's own work.
 *
 * Options (environment): BENCH_RECORDS (default 10000), BENCH_APPROVALS (default 300).
 * Needs the local PostgreSQL and Redis of the tests (see README "Tests").
 */
import { logger } from "../../config/logger.ts";
import { ApiClient } from "../review-ui/api-client.ts";
import { startReviewFixture } from "../review-ui/review-fixture.ts";

const recordCount = Number(process.env.BENCH_RECORDS ?? 10_000);
const approvals = Number(process.env.BENCH_APPROVALS ?? 300);
const RECORDS_PER_FILE = 5;
const FILES_PER_BATCH = 20;

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  samples.push(performance.now() - started);
  return result;
}

function line(name: string, samples: readonly number[]): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(9);
  return `${name.padEnd(28)} p50 ${ms(percentile(samples, 50))}  p95 ${ms(percentile(samples, 95))}  max ${ms(Math.max(...samples))}`;
}

logger.level = "warn";
const fixture = await startReviewFixture({ moreRecords: 0 });
try {
  const { db } = fixture.runtime;
  process.stderr.write(`seeding ${recordCount} records…\n`);
  // The fixture's first record is the template: same items, same page image.
  const [template] = await db.query<{ items: unknown; file_id: string }>(
    "SELECT items, file_id FROM records WHERE id = $1",
    [fixture.records.intake],
  );
  const [page] = await db.query<{ image_key: string; width: number; height: number }>(
    "SELECT image_key, width, height FROM pages WHERE file_id = $1",
    [template?.file_id],
  );
  const files = Math.ceil(recordCount / RECORDS_PER_FILE);
  await db.query(
    `INSERT INTO batches (name, agency_id)
     SELECT 'bench ' || g, $1 FROM generate_series(1, $2::int) g`,
    [fixture.agencies.own, Math.ceil(files / FILES_PER_BATCH)],
  );
  await db.query(
    `INSERT INTO source_files (batch_id, file_name, sha256, size_bytes, object_key, status, page_count)
     SELECT b.id, 'bench-' || g || '.pdf', md5(random()::text) || md5(random()::text), 1000,
            'originals/bench', 'done', 1
     FROM batches b CROSS JOIN generate_series(1, $1::int) g WHERE b.name LIKE 'bench %'`,
    [FILES_PER_BATCH],
  );
  await db.query(
    `INSERT INTO pages (file_id, page_number, image_key, width, height, split_method, status)
     SELECT id, 1, $1, $2, $3, 'bench', 'ocr_done' FROM source_files WHERE object_key = 'originals/bench'`,
    [page?.image_key, page?.width, page?.height],
  );
  await db.query(
    `INSERT INTO records (file_id, form_index, doc_type, pages, items, needs_review, created_at)
     SELECT f.id, g, 'intake', '{1}', $1::jsonb, true, now() - interval '1 day' + (random() * interval '1 hour')
     FROM source_files f CROSS JOIN generate_series(0, $2::int - 1) g
     WHERE f.object_key = 'originals/bench'`,
    [JSON.stringify(template?.items), RECORDS_PER_FILE],
  );
  await db.query("ANALYZE");
  const [{ n } = { n: 0 }] = await db.query<{ n: number }>("SELECT count(*) AS n FROM records");

  const reviewer = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer);
  const anchor: number[] = [];
  const open: number[] = [];
  const approve: number[] = [];
  const queue: number[] = [];
  // Warm-up: connection, JIT, plans.
  for (let i = 0; i < 20; i++) await reviewer.get("/healthz");
  let next = (await reviewer.get<{ records: { id: string }[] }>("/api/review/queue")).body
    .records[0]?.id;
  for (let i = 0; i < approvals && next; i++) {
    await timed(anchor, () => reviewer.get("/healthz"));
    const view = await timed(open, () =>
      reviewer.post<{ record: { version: number } }>(`/api/records/${next}/open`, {}),
    );
    const approved = await timed(approve, () =>
      reviewer.post<{ next: string | null }>(`/api/records/${next}/approve`, {
        version: view.body.record.version,
        fields: [
          { group: "common", key: "birth_date", value: `S${40 + (i % 20)}.1.${1 + (i % 28)}` },
        ],
      }),
    );
    if (approved.status !== 200) throw new Error(`approve answered ${approved.status}`);
    next = approved.body.next ?? undefined;
    if (i % 20 === 0) await timed(queue, () => reviewer.get("/api/review/queue"));
  }

  const p95 = percentile(approve, 95);
  console.log(
    `Review UI benchmark: ${n} records in PostgreSQL, ${approve.length} approvals by one reviewer`,
  );
  console.log(line("anchor GET /healthz", anchor));
  console.log(line("open (view + lease)", open));
  console.log(line("approve-and-next", approve));
  console.log(line("work queue (50 + counts)", queue));
  console.log(
    `approve-and-next p95 / anchor p95 = ${(p95 / percentile(anchor, 95)).toFixed(1)}; target p95 < 100 ms: ${p95 < 100 ? "met" : "NOT met"}`,
  );
  console.log("(times are HTTP round trips on 127.0.0.1, an upper bound of the server-side time)");
} finally {
  await fixture.close();
}
