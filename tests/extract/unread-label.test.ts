import { describe, expect, it } from "vitest";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { type LineSpec, syntheticPage } from "./synthetic-page.ts";

const LABEL_EM = 23;
const label = (text: string, y: number): LineSpec => ({
  y,
  words: [[text, 147]],
  em: LABEL_EM,
});
const value = (text: string, y: number): LineSpec => ({ y, words: [[text, 158]] });

const AGENDA = ["1.母の介護サービスの利用について", "2.子育て支援サービスの活用について"];
const DECISIONS = "地域包括支援センターが母のケアプラン作成を行う。";

/** A meeting record with its labels above their boxes, 議題 and 決定事項 printed as given. */
function meeting(agendaLabel: string, decisionsLabel: string) {
  const page = syntheticPage([
    { y: 160, words: [["支援会議記録", 600]], em: 46 },
    label("開催日", 250),
    value("令和6年5月27日", 300),
    label("出席者", 420),
    value("本人、地域包括支援センター、子育て支援課", 470),
    label(agendaLabel, 830),
    value(AGENDA[0] as string, 885),
    value(AGENDA[1] as string, 932),
    label(decisionsLabel, 1380),
    value(DECISIONS, 1432),
  ]);
  const [form] = extractForms([page], { today: "2025-01-01" });
  return form?.items.common;
}

describe("a field whose label no reading read", () => {
  it("is read at the one unread label-like line, for review, naming what was read there", () => {
    const items = meeting("識遇", "決定事項");
    expect(items?.agenda).toMatchObject({ value: AGENDA.join(""), needsReview: true });
    expect(items?.agenda?.reason).toContain("「識遇」を項目名として読みました");
    expect(items?.decisions?.value).toBe(DECISIONS);
  });

  it("is left unread when two fields lost their labels: which is which is not known", () => {
    const items = meeting("識遇", "彼居分揚");
    expect(items?.agenda).toMatchObject({ value: null, reason: "項目が見つかりません" });
    expect(items?.decisions).toMatchObject({ value: null, reason: "項目が見つかりません" });
  });
});
