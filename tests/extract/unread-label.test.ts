import { describe, expect, it } from "vitest";
import { builtinFormDefinitions } from "../../config/forms/builtin-form-definitions.ts";
import { analysePage } from "../../workers/extract/analyse-page.ts";
import { extractForms } from "../../workers/extract/extract-forms.ts";
import { readAtUnreadLabel } from "../../workers/extract/unread-label.ts";
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

  /** readAtUnreadLabel alone, on an intake sheet with a 個人番号 row, for the field `key`. */
  function readOnIntake(key: string) {
    const page = analysePage(
      syntheticPage([
        { y: 160, words: [["相談受付票", 600]], em: 46 },
        label("相談受付日", 250),
        value("令和6年5月27日", 300),
        label("個人番号", 420),
        value("［個人番号削除］", 470),
        label("主訴", 960),
        value("仕事を辞めてしまった。", 1010),
      ]),
      builtinFormDefinitions,
    );
    const field = builtinFormDefinitions.fields.find((each) => each.key === key);
    if (!field) throw new Error(`no field ${key}`);
    return readAtUnreadLabel([field], [page], [], { today: "2025-01-01" });
  }

  it("is not read at the 個人番号 row, a label of the form that is no field's", () => {
    expect(readOnIntake("consultation_summary")).toBeNull();
  });

  it("is not looked for when the field is optional: the form may not print it", () => {
    expect(readOnIntake("household")).toBeNull();
  });
});
