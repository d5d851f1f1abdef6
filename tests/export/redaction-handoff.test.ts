import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type PipelineWorkers, startPipelineWorkers } from "../../cli/pipeline-workers.ts";
import { waitForBatch } from "../../cli/wait-for-batch.ts";
import { inputLimits } from "../../config/config.ts";
import { IngestService } from "../../ingest/ingest-service.ts";
import { createCaseProfile } from "../generator/fake-case.ts";
import { buildFormSpec } from "../generator/form-templates.ts";
import { createRandom } from "../generator/random.ts";
import { renderForm } from "../generator/render-form.ts";
import { varyFormSpec } from "../generator/vary-form.ts";
import { ApiClient } from "../review-ui/api-client.ts";
import { type ReviewFixture, startReviewFixture } from "../review-ui/review-fixture.ts";
import { pdfText } from "./poppler.ts";

/** Digits only, so that spacing, hyphens or full-width forms cannot hide the number. */
const digitsOf = (text: string) => text.normalize("NFKC").replace(/\D/g, "");

describe("an Individual Number on the paper never reaches the platform", () => {
  let fixture: ReviewFixture;
  let workers: PipelineWorkers;
  let digits: string;
  let recordId: string;
  let platformToken: string;

  beforeAll(async () => {
    fixture = await startReviewFixture({ moreRecords: 0 });
    const random = createRandom(7);
    const profile = createCaseProfile(random.fork(), { year: 2023 });
    const spec = varyFormSpec(buildFormSpec("intake", profile, random.fork()), random.fork(), {
      layouts: ["ruled-grid"],
      individualNumbers: 1,
    });
    const { png, truth } = renderForm(spec, { dpi: 200, font: "gothic" });
    digits = truth.individualNumbers?.[0]?.digits ?? "";
    const scan = path.join(fixture.runtime.config.dataDir, "受付票.png");
    await fs.writeFile(scan, png);

    const { runtime } = fixture;
    workers = await startPipelineWorkers(runtime);
    const batch = await runtime.batches.getOrCreate("個人番号入り", fixture.agencies.own);
    const ingest = new IngestService(
      runtime.objects,
      runtime.files,
      runtime.jobs,
      inputLimits(runtime.config),
    );
    await ingest.ingestLocalFile(batch.id, scan, "受付票.png");
    await waitForBatch(runtime.batches, batch.id, () => {});
    const [file] = await runtime.files.listByBatch(batch.id);
    const [record] = await runtime.records.listByFile(file?.id ?? "");
    recordId = record?.id ?? "";

    const reviewer = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer);
    const view = await reviewer.post<{ record: { version: number } }>(
      `/api/records/${recordId}/open`,
      {},
    );
    await reviewer.post(`/api/records/${recordId}/approve`, { version: view.body.record.version });
    const admin = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.admin);
    const token = await admin.post<{ secret: string }>("/api/admin/tokens", {
      name: "platform",
      agencyId: fixture.agencies.own,
    });
    platformToken = token.body.secret;
  }, 120_000);

  afterAll(async () => {
    await workers?.close();
    await fixture?.close();
  });

  const fromPlatform = (suffix: string) =>
    fetch(`${fixture.baseUrl}/api/platform/v1/records/${recordId}${suffix}`, {
      headers: { Authorization: `Bearer ${platformToken}` },
    });

  it("the form really carries a valid 12-digit number", () => {
    expect(digits).toMatch(/^\d{12}$/);
  });

  it("lists the redaction on the exported record and keeps the number out of it", async () => {
    const reply = await fromPlatform("");
    expect(reply.status).toBe(200);
    const body = await reply.text();
    expect(JSON.parse(body).redactions[0]).toMatchObject({ kind: "individual_number", page: 1 });
    expect(digitsOf(body)).not.toContain(digits);
  });

  it("keeps the number out of the searchable PDF's text, which still finds the form", async () => {
    const reply = await fromPlatform("/pdf");
    expect(reply.status).toBe(200);
    const text = pdfText(new Uint8Array(await reply.arrayBuffer()));
    expect(text.replace(/\s/g, "")).toContain("相談受付");
    expect(digitsOf(text)).not.toContain(digits);
  });
});
