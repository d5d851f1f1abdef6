import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "../review-ui/api-client.ts";
import { type ReviewFixture, startReviewFixture } from "../review-ui/review-fixture.ts";

const BOM = "\uFEFF";

function parse(text: string): string[][] {
  // The fixture's values hold no quotes or line breaks: splitting is enough to read them back.
  return text
    .replace(BOM, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
}

describe("batch CSVs", () => {
  let fixture: ReviewFixture;
  let reviewer: ApiClient;
  let clerk: ApiClient;

  beforeAll(async () => {
    fixture = await startReviewFixture({ moreRecords: 1 });
    reviewer = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.reviewer);
    clerk = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.clerk);
    const view = await reviewer.post<{ record: { version: number } }>(
      `/api/records/${fixture.records.intake}/open`,
      {},
    );
    await reviewer.post(`/api/records/${fixture.records.intake}/approve`, {
      version: view.body.record.version,
      fields: [{ group: "common", key: "birth_date", value: "S62.11.3" }],
    });
  });

  afterAll(async () => {
    await fixture?.close();
  });

  async function download(client: ApiClient, path: string) {
    const response = await fetch(`${fixture.baseUrl}${path}`, {
      headers: { Cookie: client.cookie },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { response, bytes, text: bytes.toString("utf8") };
  }

  it("gives reviewers the verified records, named as people read them, and audits the export", async () => {
    const { response, bytes, text } = await download(
      reviewer,
      `/api/batches/${fixture.batchId}/records.csv`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // so that Excel reads UTF-8
    const [header, ...rows] = parse(text);
    expect(header?.slice(0, 5)).toEqual(["記録ID", "文書種別", "バッチ", "ファイル名", "ページ"]);
    expect(rows).toHaveLength(1); // only the verified record leaves
    const row = rows[0] as string[];
    const cell = (label: string) => row[(header as string[]).indexOf(label)];
    expect(cell("記録ID")).toBe(fixture.records.intake);
    expect(cell("バッチ")).toBe("2023年度 箱12");
    expect(cell("生年月日")).toBe("1987-11-03");
    expect(cell("確認者")).toBe(fixture.users.reviewer.displayName);
    const admin = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.admin);
    const trail = await admin.get<{ entries: { detail: { via?: string } }[] }>(
      `/api/admin/audit?recordId=${fixture.records.intake}&action=record_export`,
    );
    expect(trail.body.entries.map((entry) => entry.detail.via)).toContain("csv");
  });

  it("keeps record contents from clerks, who get the batch report instead", async () => {
    expect(
      (await download(clerk, `/api/batches/${fixture.batchId}/records.csv`)).response.status,
    ).toBe(403);
    const { response, text } = await download(clerk, `/api/batches/${fixture.batchId}/report.csv`);
    expect(response.status).toBe(200);
    const [header, ...rows] = parse(text);
    expect(header).toContain("要確認の記録");
    const files = rows.slice(0, -1);
    expect(files).toHaveLength(3);
    expect(files.every((row) => row[2] === "待機中" || row[2] === "保存済み")).toBe(true);
    const total = rows.at(-1) as string[];
    expect(total[1]).toBe("合計 3 ファイル");
    expect(total[(header as string[]).indexOf("記録")]).toBe("3");
    expect(total[(header as string[]).indexOf("様式別の記録")]).toBe("相談受付票 3");
    expect(total[(header as string[]).indexOf("要確認の記録")]).toBe("2");
  });

  it("answers 404 for another agency's batch", async () => {
    const other = await ApiClient.loggedIn(fixture.baseUrl, fixture.users.otherAgencyReviewer);
    expect(
      (await download(other, `/api/batches/${fixture.batchId}/report.csv`)).response.status,
    ).toBe(404);
    expect(
      (await download(other, `/api/batches/${fixture.batchId}/records.csv`)).response.status,
    ).toBe(404);
  });
});
