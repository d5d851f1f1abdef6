/**
 * One invented client and the people handling the case: every form of a case file is filled
 * from the same profile, as in a real folder.
 */
import { CASE_STORIES, type CaseStory, type StoryText } from "./case-stories.ts";
import {
  type Address,
  fakeAddress,
  fakeAgency,
  fakeCaseNumber,
  fakeLandline,
  fakeMobile,
  fakePersonName,
  type PersonName,
  pickMunicipality,
} from "./fake-values.ts";
import { addDays, ageOn, type CalendarDate } from "./japanese-dates.ts";
import type { Random } from "./random.ts";

export interface CaseProfile {
  caseNumber: string;
  client: PersonName;
  birthDate: CalendarDate;
  address: Address;
  /** Canonical: ASCII digits and hyphens. */
  phone: string;
  staff: PersonName;
  /** A second worker who takes some of the progress entries. */
  colleague: PersonName;
  agency: string;
  story: CaseStory;
  text: StoryText;
  intakeDate: CalendarDate;
}

export interface CaseProfileOptions {
  /** Year of the first consultation; the forms' dates follow from it. */
  year?: number;
}

/** Offices are closed at weekends, so a dated contact falls on the next weekday. */
export function nextWeekday(date: CalendarDate): CalendarDate {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  if (weekday === 6) return addDays(date, 2);
  if (weekday === 0) return addDays(date, 1);
  return date;
}

export function createCaseProfile(random: Random, options: CaseProfileOptions = {}): CaseProfile {
  const story = random.pick(CASE_STORIES);
  const year = options.year ?? random.int(2020, 2024);
  // Early in the year so that follow-up forms months later still fall in the same fiscal story.
  const intakeDate = nextWeekday(addDays({ year, month: 1, day: 6 }, random.int(0, 200)));
  const targetAge = random.int(story.client.minAge, story.client.maxAge);
  const birthDate = addDays(
    { year: intakeDate.year - targetAge - 1, month: 1, day: 1 },
    random.int(0, 364),
  );
  const client = fakePersonName(random, story.client.sex);
  const municipality = pickMunicipality(random);
  const clientAge = ageOn(birthDate, intakeDate);
  return {
    caseNumber: fakeCaseNumber(random, year),
    client,
    birthDate,
    address: fakeAddress(random, municipality),
    phone:
      clientAge >= 70 || random.chance(0.3)
        ? fakeLandline(random, municipality)
        : fakeMobile(random),
    staff: fakePersonName(random),
    colleague: fakePersonName(random),
    agency: fakeAgency(random, municipality),
    story,
    text: story.write(random, clientAge),
    intakeDate,
  };
}
