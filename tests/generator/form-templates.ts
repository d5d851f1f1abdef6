/**
 * The six paper forms of the spec: which fields each one prints, in which arrangement, under
 * which of the label variants municipalities use.
 */
import { type CaseProfile, nextWeekday } from "./fake-case.ts";
import {
  type PersonName,
  type PrintedValue,
  writeAddress,
  writeCaseNumber,
  writeName,
  writePhone,
  writePostalCode,
  writeReading,
} from "./fake-values.ts";
import {
  CHOICE_OPTIONS,
  type ChoiceFieldKey,
  type DocType,
  FIELD_LABELS,
  type FieldKey,
  groupOf,
  PROGRESS_METHOD_WORDS,
  TITLE_VARIANTS,
} from "./field-vocabulary.ts";
import type {
  ChoiceMark,
  FieldValue,
  FormField,
  FormRow,
  FormSpec,
  ProgressEntry,
  TextContent,
} from "./form-spec.ts";
import {
  addDays,
  ageOn,
  type CalendarDate,
  type DateStyle,
  pickBirthDateStyle,
  pickRecentDateStyle,
  toFullWidthDigits,
  writeDate,
} from "./japanese-dates.ts";
import type { Random } from "./random.ts";

/** Habits of whoever filled in one sheet: they stay the same from field to field. */
interface SheetHabits {
  random: Random;
  dateStyle: DateStyle;
  fullWidthDigits: boolean;
  mark: ChoiceMark;
  /** Which wording of two-wording options (男/男性, 同意する/有) this sheet prints. */
  wording: number;
}

/** NFKC with the writer's line breaks removed: the spec's normalised free text. */
function normaliseText(printed: string): string {
  return printed.normalize("NFKC").replace(/\n/g, "");
}

function makeField(
  key: FieldKey,
  content: FormField["content"],
  value: FieldValue,
  habits: SheetHabits,
  label = habits.random.pick(FIELD_LABELS[key]),
): FormField {
  return { key, group: groupOf(key), label, content, value };
}

function printedField(key: FieldKey, printed: PrintedValue<FieldValue>, habits: SheetHabits) {
  return makeField(key, { kind: "text", printed: printed.printed }, printed.value, habits);
}

function dateField(
  key: FieldKey,
  date: CalendarDate,
  habits: SheetHabits,
  style = habits.dateStyle,
): FormField {
  const written = writeDate(date, {
    style,
    fullWidthDigits: habits.fullWidthDigits,
    gannen: habits.random.chance(0.8),
  });
  const content: TextContent = { kind: "text", printed: written.printed };
  if (written.circled) content.circled = written.circled;
  return makeField(key, content, written.iso, habits);
}

function textField(key: FieldKey, text: string, habits: SheetHabits): FormField {
  const printed = habits.fullWidthDigits ? toFullWidthDigits(text) : text;
  return makeField(key, { kind: "text", printed }, normaliseText(printed), habits);
}

function choiceField(
  key: ChoiceFieldKey,
  selected: readonly (string | boolean)[],
  habits: SheetHabits,
) {
  const options = CHOICE_OPTIONS[key];
  const content: FormField["content"] = {
    kind: "choice",
    mark: habits.mark,
    options: options.map((option) => ({
      label: option.wordings[Math.min(habits.wording, option.wordings.length - 1)] as string,
      selected: selected.includes(option.value),
    })),
  };
  const chosen = options.filter((option) => selected.includes(option.value)).map((o) => o.value);
  const value = key === "issues" ? (chosen as string[]) : (chosen[0] as string | boolean);
  return makeField(key, content, value, habits);
}

function nameField(key: FieldKey, person: PersonName, habits: SheetHabits) {
  return printedField(key, writeName(person, habits.random), habits);
}

function readingField(person: PersonName, habits: SheetHabits) {
  const label = habits.random.pick(FIELD_LABELS.client_name_kana);
  const script = label === "ふりがな" && habits.random.chance(0.8) ? "hiragana" : "katakana";
  const reading = writeReading(person, script, habits.random);
  return makeField(
    "client_name_kana",
    { kind: "text", printed: reading.printed },
    reading.value,
    habits,
    label,
  );
}

function ageField(age: number, habits: SheetHabits) {
  const printed = habits.random.chance(0.75) ? `${age}歳` : String(age);
  return makeField(
    "age",
    { kind: "text", printed: habits.fullWidthDigits ? toFullWidthDigits(printed) : printed },
    age,
    habits,
  );
}

/** `count` sentences in story order, as one paragraph. */
function paragraph(sentences: readonly string[], count: number, random: Random): string {
  return random.sample(sentences, Math.min(count, sentences.length)).join("");
}

const CIRCLED_NUMBERS = ["①", "②", "③", "④", "⑤"];

/** Items one per line, marked the way the writer of this sheet marks lists. */
function itemList(items: readonly string[], random: Random): string {
  const marker = random.pick([
    (index: number) => CIRCLED_NUMBERS[index] as string,
    (index: number) => `${index + 1}.`,
    () => "・",
  ]);
  return items.map((item, index) => `${marker(index)}${item}`).join("\n");
}

/** Goals and decisions are written either as a numbered list or as running text. */
function listOrParagraph(items: readonly string[], count: number, random: Random): string {
  const chosen = random.sample(items, Math.min(count, items.length));
  return random.chance(0.6) ? itemList(chosen, random) : chosen.join("");
}

function block(field: FormField, minLines: number): FormRow {
  return { kind: "block", field, minLines };
}

/** A grid row from up to two fields; absent optional fields drop out, empty rows vanish. */
function cells(...fields: (FormField | undefined)[]): FormRow[] {
  const present = fields.filter((field): field is FormField => field !== undefined);
  return present.length === 0 ? [] : [{ kind: "cells", fields: present }];
}

function maybe<T>(random: Random, probability: number, make: () => T): T | undefined {
  return random.chance(probability) ? make() : undefined;
}

function dateOfForm(docType: DocType, profile: CaseProfile, random: Random): CalendarDate {
  const daysAfterIntake: Record<DocType, [number, number]> = {
    intake: [0, 0],
    assessment: [7, 21],
    plan: [21, 45],
    progress: [0, 0],
    meeting: [30, 75],
    evaluation: [150, 330],
  };
  const [min, max] = daysAfterIntake[docType];
  return nextWeekday(addDays(profile.intakeDate, random.int(min, max)));
}

function progressEntries(profile: CaseProfile, habits: SheetHabits): ProgressEntry[] {
  const { random } = habits;
  const notes = profile.text.progress;
  const [first, ...later] = notes;
  if (!first) throw new Error(`Story ${profile.story.theme} has no progress notes`);
  const chosen = [first, ...random.sample(later, random.int(2, Math.min(5, later.length)))];
  const dateStyle = random.pick<DateStyle>(["wareki-short", "slash"]);
  // A sheet signs each worker the same way in every row.
  const signatures = new Map(
    [profile.staff, profile.colleague].map((worker) => [
      worker,
      random.chance(0.6)
        ? { printed: worker.family, value: worker.family }
        : writeName(worker, random),
    ]),
  );
  let date = profile.intakeDate;
  return chosen.map((note, index) => {
    if (index > 0) date = nextWeekday(addDays(date, random.int(2, 20)));
    const worker = random.chance(0.75) ? profile.staff : profile.colleague;
    const staff = signatures.get(worker) as PrintedValue;
    const written = writeDate(date, { style: dateStyle, fullWidthDigits: habits.fullWidthDigits });
    const content = habits.fullWidthDigits ? toFullWidthDigits(note.content) : note.content;
    return {
      date: { printed: written.printed, value: written.iso },
      method: { printed: PROGRESS_METHOD_WORDS[note.method], value: note.method },
      content,
      staff,
    };
  });
}

function attendeeList(profile: CaseProfile, withClient: boolean, random: Random): string {
  const ownOffice = `${profile.agency}（${profile.staff.family}）`;
  const partners = random.sample(
    profile.text.partners,
    random.int(2, profile.text.partners.length),
  );
  return [...(withClient ? ["本人"] : []), ownOffice, ...partners].join("、");
}

/** The rows of each form, top to bottom. */
function rowsOf(
  docType: DocType,
  profile: CaseProfile,
  formDate: CalendarDate,
  habits: SheetHabits,
) {
  const { random } = habits;
  const { client, text } = profile;
  const dateKey: Partial<Record<DocType, FieldKey>> = {
    intake: "intake_date",
    assessment: "assessment_date",
    plan: "plan_date",
    meeting: "meeting_date",
    evaluation: "evaluation_date",
  };
  const key = dateKey[docType];
  const ownDate = key ? dateField(key, formDate, habits) : undefined;
  // Many forms print the date beside the title rather than inside the grid.
  const dateLine = ownDate && random.chance(0.35) ? ownDate : undefined;
  const gridDate = dateLine ? undefined : ownDate;

  const caseNumber = () =>
    printedField("case_number", writeCaseNumber(profile.caseNumber, random), habits);
  const clientName = () => nameField("client_name", client, habits);
  const staffName = () => nameField("staff_name", profile.staff, habits);
  const agency = () => textField("agency", profile.agency, habits);
  const birthDate = () =>
    dateField("birth_date", profile.birthDate, habits, pickBirthDateStyle(random));
  const sex = () => choiceField("sex", [client.sex], habits);
  const age = () => ageField(ageOn(profile.birthDate, formDate), habits);
  const staffAtBottom = random.chance(0.4);

  let rows: FormRow[];
  switch (docType) {
    case "intake":
      rows = [
        ...cells(caseNumber(), gridDate),
        ...cells(readingField(client, habits), sex()),
        ...cells(clientName(), birthDate()),
        ...cells(
          maybe(random, 0.7, age),
          maybe(random, 0.85, () =>
            printedField("phone", writePhone(profile.phone, random), habits),
          ),
        ),
        ...cells(
          maybe(random, 0.7, () =>
            printedField(
              "postal_code",
              writePostalCode(profile.address.postalCode, random),
              habits,
            ),
          ),
        ),
        ...cells(printedField("address", writeAddress(profile.address, random), habits)),
        ...cells(maybe(random, 0.7, () => textField("household", text.household, habits))),
        ...cells(
          choiceField("referral_route", [random.pick(profile.story.referralRoutes)], habits),
        ),
        block(textField("chief_complaint", random.pick(text.chiefComplaint), habits), 2),
        block(
          textField(
            "consultation_summary",
            paragraph(text.summary, random.int(3, 5), random),
            habits,
          ),
          5,
        ),
        ...cells(choiceField("consent_info_sharing", [random.chance(0.9)], habits)),
        ...cells(agency(), staffName()),
      ];
      break;
    case "assessment": {
      const staffRow = cells(agency(), staffName());
      rows = [
        ...cells(caseNumber(), gridDate),
        ...cells(
          maybe(random, 0.5, () => readingField(client, habits)),
          maybe(random, 0.5, sex),
        ),
        ...cells(clientName(), maybe(random, 0.6, birthDate) ?? maybe(random, 0.5, age)),
        ...(staffAtBottom ? [] : staffRow),
        ...cells(choiceField("issues", selectedIssues(profile, random), habits)),
        block(
          textField(
            "assessment_summary",
            paragraph(text.assessment, random.int(3, 4), random),
            habits,
          ),
          5,
        ),
        ...(random.chance(0.7)
          ? [
              block(
                textField("strengths", paragraph(text.strengths, random.int(1, 2), random), habits),
                2,
              ),
            ]
          : []),
        ...(staffAtBottom ? staffRow : []),
      ];
      break;
    }
    case "plan":
      rows = [
        ...cells(caseNumber(), gridDate),
        ...cells(clientName(), staffName()),
        ...cells(agency()),
        block(textField("goal_long", random.pick(text.goalLong), habits), 2),
        block(
          textField(
            "goal_short",
            listOrParagraph(text.goalShort, random.int(2, 3), random),
            habits,
          ),
          3,
        ),
        block(
          textField("support_content", paragraph(text.support, random.int(2, 4), random), habits),
          4,
        ),
        ...cells(
          maybe(random, 0.7, () =>
            dateField(
              "next_review_date",
              nextWeekday(addDays(formDate, random.int(80, 100))),
              habits,
            ),
          ),
        ),
      ];
      break;
    case "progress":
      rows = [
        ...cells(caseNumber(), clientName()),
        ...cells(maybe(random, 0.6, agency), maybe(random, 0.7, staffName)),
        { kind: "progress-table", entries: progressEntries(profile, habits) },
      ];
      break;
    case "meeting": {
      const meetingType = random.pick(["jusou", "jusou", "shien", "shien", "other"]);
      rows = [
        ...cells(caseNumber(), gridDate),
        ...cells(choiceField("meeting_type", [meetingType], habits)),
        ...cells(clientName(), staffName()),
        ...cells(
          textField("attendees", attendeeList(profile, meetingType !== "jusou", random), habits),
        ),
        block(
          textField(
            "agenda",
            itemList(random.sample(text.agenda, random.int(2, 3)), random),
            habits,
          ),
          3,
        ),
        block(
          textField("decisions", listOrParagraph(text.decisions, random.int(2, 4), random), habits),
          4,
        ),
        ...cells(agency()),
      ];
      break;
    }
    case "evaluation": {
      const closed = random.chance(0.7);
      rows = [
        ...cells(caseNumber(), gridDate),
        ...cells(clientName(), staffName()),
        ...cells(agency()),
        block(textField("outcome", paragraph(text.outcome, random.int(2, 3), random), habits), 4),
        ...cells(choiceField("closure", [closed ? "closed" : "continued"], habits)),
        ...(closed && random.chance(0.8)
          ? [block(textField("closure_reason", random.pick(text.closureReason), habits), 2)]
          : []),
      ];
      break;
    }
  }
  return { rows, dateLine };
}

function selectedIssues(profile: CaseProfile, random: Random): string[] {
  const core = random.sample(profile.story.issues, random.int(2, profile.story.issues.length));
  return random.chance(0.2) ? [...core, "family"] : core;
}

const STAMPS = ["取扱注意", "部外秘", "個人情報"];
const FOOTNOTES = [
  "※本票の記載内容は、本人の同意を得た範囲で関係機関と共有します。",
  "※個人情報の取扱いには十分注意すること。",
  "※記入後は担当課で保管してください。",
];

export function buildFormSpec(docType: DocType, profile: CaseProfile, random: Random): FormSpec {
  const habits: SheetHabits = {
    random,
    dateStyle: pickRecentDateStyle(random),
    fullWidthDigits: random.chance(0.2),
    mark: random.pick<ChoiceMark>(["check", "check", "fill", "fill", "circle"]),
    wording: random.int(0, 1),
  };
  const formDate = dateOfForm(docType, profile, random);
  const { rows, dateLine } = rowsOf(docType, profile, formDate, habits);
  const formNumber = random.int(1, 8);
  return {
    docType,
    title: random.pick(TITLE_VARIANTS[docType]),
    seed: random.int(0, 0xffffffff),
    ...(random.chance(0.7)
      ? {
          formNumber: random.chance(0.5)
            ? `様式第${formNumber}号（第${formNumber + 3}条関係）`
            : `様式第${formNumber}号`,
        }
      : {}),
    ...(random.chance(0.35) ? { stamp: random.pick(STAMPS) } : {}),
    ...(dateLine ? { dateLine } : {}),
    rows,
    ...(random.chance(0.4) ? { footnote: random.pick(FOOTNOTES) } : {}),
    style: {
      labelAlign: random.pick(["left", "center", "center", "distribute"] as const),
      labelWidthMm: random.int(24, 30),
      spacedTitle: random.chance(0.4),
      writingLines: random.chance(0.3),
    },
  };
}
