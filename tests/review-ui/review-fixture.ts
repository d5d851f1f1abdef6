import { createHash } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import sharp from "sharp";
import { createHttpApp } from "../../cli/http-app.ts";
import { openRuntime, type Runtime } from "../../cli/runtime.ts";
import { hashPassword } from "../../review-ui/auth/passwords.ts";
import { AgencyRepository } from "../../storage/repositories/agency-repository.ts";
import type { RecordItems } from "../../storage/repositories/record-repository.ts";
import { type Role, UserRepository } from "../../storage/repositories/user-repository.ts";
import type { FieldItem } from "../../workers/extract/extracted-form.ts";
import { createTestEnvironment, type TestEnvironment } from "../helpers/test-environment.ts";

export interface FixtureUser {
  id: string;
  login: string;
  password: string;
  displayName: string;
}

export interface ReviewFixture {
  baseUrl: string;
  runtime: Runtime;
  users: Record<"admin" | "clerk" | "reviewer" | "reviewer2" | "otherAgencyReviewer", FixtureUser>;
  agencies: { own: string; other: string };
  records: {
    /** An intake record of the reviewers' agency: client_name read well, birth_date to review. */
    intake: string;
    /** Its client_name (value and raw OCR text) is a script tag. */
    xss: string;
    /** Of the other agency. */
    otherAgency: string;
    /** More intake records of the reviewers' agency, oldest first, after `intake` and `xss`. */
    more: string[];
  };
  batchId: string;
  pageImage: { width: number; height: number };
  close(): Promise<void>;
}

export const XSS_VALUE = "<script>window.__xss=1</script>";

const sampleScan = path.resolve("tests/samples/評価シート.jpg");

const field = (value: unknown, extra: Partial<FieldItem> = {}): FieldItem => ({
  value,
  confidence: 0.97,
  needsReview: false,
  page: 1,
  bbox: [200, 400, 600, 80],
  raw: typeof value === "string" ? value.replace(/ /g, "") : null,
  ...extra,
});

function intakeItems(clientName: string): RecordItems {
  return {
    common: {
      case_number: field("R5-0123", { bbox: [1150, 250, 400, 70] }),
      client_name: field(clientName, { bbox: [400, 520, 700, 90] }),
      birth_date: field(null, {
        confidence: 0.41,
        needsReview: true,
        raw: "平成3l年4月",
        reason: "日付として読めません",
        bbox: [400, 700, 800, 90],
      }),
      sex: field("female", { raw: "女", bbox: [1300, 520, 200, 90] }),
      referral_route: field("family", { raw: "家族・知人", bbox: [400, 900, 1200, 90] }),
      intake_date: field("2023-04-12", { raw: "令和5年4月12日", bbox: [1100, 330, 500, 70] }),
    },
    optional: { phone: field("043-223-2345", { raw: "043-223-2345", bbox: [400, 800, 600, 90] }) },
    custom: {},
  };
}

/**
 * A running review server on real stores (PostgreSQL, s3rver, Redis) with two agencies, one
 * person per role, and intake records whose page image is a real scan. Used by the API tests,
 * the browser tests and the review benchmark.
 */
export async function startReviewFixture(
  options: {
    moreRecords?: number;
    database?: "postgresql" | "pglite";
    env?: Record<string, string>;
  } = {},
): Promise<ReviewFixture> {
  // PGlite: the embedded database of a fresh clone, in the environment's temp data folder.
  const environment: TestEnvironment = await createTestEnvironment({
    ...(options.database === "pglite" ? { DATABASE_URL: "" } : {}),
    ...options.env,
  });
  const runtime = await openRuntime(environment.config);
  const agencies = new AgencyRepository(runtime.db);
  const own = await agencies.create("みなと相談支援センター", "direct");
  const other = await agencies.create("やま福祉会（委託先）", "contracted");
  if (!own || !other) throw new Error("fixture agencies exist already");

  const users = new UserRepository(runtime.db);
  const passwordHash = await hashPassword("correct horse battery");
  const person = async (login: string, displayName: string, role: Role, agencyId: string) => {
    const user = await users.create({ login, displayName, passwordHash, role, agencyId });
    if (!user) throw new Error(`fixture user ${login} exists already`);
    return { id: user.id, login, password: "correct horse battery", displayName };
  };
  const fixtureUsers = {
    admin: await person("admin", "管理 太郎", "admin", own.id),
    clerk: await person("clerk", "受付 花子", "clerk", own.id),
    reviewer: await person("reviewer", "確認 一郎", "reviewer", own.id),
    reviewer2: await person("reviewer2", "確認 二郎", "reviewer", own.id),
    otherAgencyReviewer: await person("other", "山 三郎", "reviewer", other.id),
  };

  const png = await sharp(sampleScan).png().toBuffer();
  const { width, height } = await sharp(png).metadata();
  let fileCount = 0;
  const addRecord = async (agencyId: string, batchName: string, clientName: string) => {
    fileCount += 1;
    const batch = await runtime.batches.getOrCreate(batchName, agencyId);
    const sha256 = createHash("sha256").update(`fixture file ${fileCount}`).digest("hex");
    const { file } = await runtime.files.insertFirstCopyOrDuplicate({
      batchId: batch.id,
      fileName: `箱12-${String(fileCount).padStart(3, "0")}.pdf`,
      sha256,
      sizeBytes: png.length,
      objectKey: `originals/${sha256}`,
    });
    const imageKey = `pages/${sha256}/0001.upright.png`;
    await runtime.objects.put(imageKey, png, { size: png.length, contentType: "image/png" });
    await runtime.pages.upsertSplitPage({
      fileId: file.id,
      pageNumber: 1,
      imageKey,
      width: width ?? 0,
      height: height ?? 0,
      splitMethod: "fixture",
    });
    const text = `相談受付票\n氏名 ${clientName.replace(/ /g, "")}`;
    const ocr = {
      engine: "fixture",
      language: "jpn",
      width,
      height,
      text,
      confidence: 0.9,
      lines: [],
      rotation: 0,
      skewDegrees: 0,
      blank: false,
      cells: [],
      redactions: [],
    };
    const ocrKey = `pages/${sha256}/0001.ocr.json`;
    const json = Buffer.from(JSON.stringify(ocr));
    await runtime.objects.put(ocrKey, json, { size: json.length, contentType: "application/json" });
    await runtime.pages.saveOcr({
      fileId: file.id,
      pageNumber: 1,
      ocrKey,
      text,
      confidence: 0.9,
      blank: false,
      image: { key: imageKey, width: width ?? 0, height: height ?? 0 },
    });
    const record = await runtime.records.upsertExtracted({
      fileId: file.id,
      formIndex: 0,
      docType: "intake",
      pages: [1],
      items: intakeItems(clientName),
      redactions: [],
      needsReview: true,
    });
    return { batchId: batch.id, recordId: record.id };
  };
  const intake = await addRecord(own.id, "2023年度 箱12", "山田 花子");
  const xss = await addRecord(own.id, "2023年度 箱12", XSS_VALUE);
  const more: string[] = [];
  for (let i = 0; i < (options.moreRecords ?? 3); i++) {
    more.push((await addRecord(own.id, "2023年度 箱12", `佐藤 次郎${i + 1}`)).recordId);
  }
  const otherAgency = await addRecord(other.id, "やま 箱1", "鈴木 一子");

  const app = await createHttpApp(runtime, null);
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    runtime,
    users: fixtureUsers,
    agencies: { own: own.id, other: other.id },
    records: {
      intake: intake.recordId,
      xss: xss.recordId,
      otherAgency: otherAgency.recordId,
      more,
    },
    batchId: intake.batchId,
    pageImage: { width: width ?? 0, height: height ?? 0 },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await runtime.close();
      await environment.dispose();
    },
  };
}
