/**
 * Made-up but realistic personal details. Names are combined at random and numbers drawn at
 * random, so no generated person is a real one.
 */
import { toFullWidthDigits } from "./japanese-dates.ts";
import type { Random } from "./random.ts";

export type Sex = "male" | "female";

export interface PersonName {
  family: string;
  given: string;
  familyKana: string;
  givenKana: string;
  sex: Sex;
}

/** What a field shows on paper and the value the spec normalises it to. */
export interface PrintedValue<V = string> {
  printed: string;
  value: V;
}

const FAMILY_NAMES: readonly (readonly [string, string])[] = [
  ["佐藤", "サトウ"],
  ["鈴木", "スズキ"],
  ["高橋", "タカハシ"],
  ["田中", "タナカ"],
  ["伊藤", "イトウ"],
  ["渡辺", "ワタナベ"],
  ["山本", "ヤマモト"],
  ["中村", "ナカムラ"],
  ["小林", "コバヤシ"],
  ["加藤", "カトウ"],
  ["吉田", "ヨシダ"],
  ["山田", "ヤマダ"],
  ["佐々木", "ササキ"],
  ["山口", "ヤマグチ"],
  ["松本", "マツモト"],
  ["井上", "イノウエ"],
  ["木村", "キムラ"],
  ["林", "ハヤシ"],
  ["斎藤", "サイトウ"],
  ["清水", "シミズ"],
  ["山崎", "ヤマザキ"],
  ["森", "モリ"],
  ["池田", "イケダ"],
  ["橋本", "ハシモト"],
  ["阿部", "アベ"],
  ["石川", "イシカワ"],
  ["前田", "マエダ"],
  ["藤田", "フジタ"],
  ["後藤", "ゴトウ"],
  ["岡田", "オカダ"],
  ["長谷川", "ハセガワ"],
  ["村上", "ムラカミ"],
  ["近藤", "コンドウ"],
  ["石井", "イシイ"],
  ["坂本", "サカモト"],
  ["遠藤", "エンドウ"],
  ["青木", "アオキ"],
  ["藤井", "フジイ"],
  ["西村", "ニシムラ"],
  ["福田", "フクダ"],
  ["太田", "オオタ"],
  ["三浦", "ミウラ"],
  ["岡本", "オカモト"],
  ["松田", "マツダ"],
  ["中川", "ナカガワ"],
  ["小野", "オノ"],
];

const GIVEN_NAMES: Record<Sex, readonly (readonly [string, string])[]> = {
  female: [
    ["花子", "ハナコ"],
    ["恵子", "ケイコ"],
    ["幸子", "サチコ"],
    ["和子", "カズコ"],
    ["洋子", "ヨウコ"],
    ["美穂", "ミホ"],
    ["由美", "ユミ"],
    ["直美", "ナオミ"],
    ["裕子", "ユウコ"],
    ["明美", "アケミ"],
    ["真由美", "マユミ"],
    ["智子", "トモコ"],
    ["久美子", "クミコ"],
    ["陽子", "ヨウコ"],
    ["千尋", "チヒロ"],
    ["彩", "アヤ"],
    ["美咲", "ミサキ"],
    ["愛", "アイ"],
    ["麻衣", "マイ"],
    ["沙織", "サオリ"],
    ["香織", "カオリ"],
    ["優子", "ユウコ"],
    ["綾香", "アヤカ"],
    ["早苗", "サナエ"],
    ["律子", "リツコ"],
    ["節子", "セツコ"],
    ["照子", "テルコ"],
    ["静江", "シズエ"],
    ["文子", "フミコ"],
    ["春香", "ハルカ"],
  ],
  male: [
    ["太郎", "タロウ"],
    ["一郎", "イチロウ"],
    ["健一", "ケンイチ"],
    ["誠", "マコト"],
    ["博", "ヒロシ"],
    ["茂", "シゲル"],
    ["隆", "タカシ"],
    ["浩二", "コウジ"],
    ["大輔", "ダイスケ"],
    ["拓也", "タクヤ"],
    ["健太", "ケンタ"],
    ["翔太", "ショウタ"],
    ["和也", "カズヤ"],
    ["直樹", "ナオキ"],
    ["修", "オサム"],
    ["勝", "マサル"],
    ["清", "キヨシ"],
    ["進", "ススム"],
    ["正男", "マサオ"],
    ["昭夫", "アキオ"],
    ["義男", "ヨシオ"],
    ["哲也", "テツヤ"],
    ["俊介", "シュンスケ"],
    ["亮", "リョウ"],
    ["聡", "サトシ"],
    ["剛", "ツヨシ"],
    ["達也", "タツヤ"],
    ["雄一", "ユウイチ"],
    ["康弘", "ヤスヒロ"],
    ["悠斗", "ユウト"],
  ],
};

export function fakePersonName(
  random: Random,
  sex: Sex = random.pick<Sex>(["male", "female"]),
): PersonName {
  const [family, familyKana] = random.pick(FAMILY_NAMES);
  const [given, givenKana] = random.pick(GIVEN_NAMES[sex]);
  return { family, given, familyKana, givenKana, sex };
}

/** Names are typed with a full-width space, an ASCII space, or run together. */
export function writeName(name: PersonName, random: Random): PrintedValue {
  const separator = random.pick(["\u3000", "\u3000", " ", ""]);
  return {
    printed: `${name.family}${separator}${name.given}`,
    value: separator ? `${name.family} ${name.given}` : `${name.family}${name.given}`,
  };
}

function katakanaToHiragana(text: string): string {
  return text.replace(/[\u30a1-\u30f6]/g, (kana) => String.fromCharCode(kana.charCodeAt(0) - 0x60));
}

/** A reading as printed under a ふりがな (hiragana) or フリガナ (katakana) label. */
export function writeReading(name: PersonName, script: "hiragana" | "katakana", random: Random) {
  const separator = random.pick(["\u3000", " "]);
  const reading = `${name.familyKana}${separator}${name.givenKana}`;
  return {
    printed: script === "hiragana" ? katakanaToHiragana(reading) : reading,
    value: `${name.familyKana} ${name.givenKana}`,
  } satisfies PrintedValue;
}

export interface Municipality {
  prefecture: string;
  /** The city that runs the consultation service, as it names its own agencies. */
  city: string;
  /** City plus ward where the city has wards, as written in an address. */
  cityInAddress: string;
  areaCode: string;
  postalPrefix: string;
  towns: readonly string[];
}

const MUNICIPALITIES: readonly Municipality[] = [
  {
    prefecture: "千葉県",
    city: "千葉市",
    cityInAddress: "千葉市中央区",
    areaCode: "043",
    postalPrefix: "260",
    towns: ["中央", "新町", "富士見", "春日"],
  },
  {
    prefecture: "千葉県",
    city: "市川市",
    cityInAddress: "市川市",
    areaCode: "047",
    postalPrefix: "272",
    towns: ["八幡", "南八幡", "新田", "平田"],
  },
  {
    prefecture: "埼玉県",
    city: "川越市",
    cityInAddress: "川越市",
    areaCode: "049",
    postalPrefix: "350",
    towns: ["新富町", "脇田町", "元町", "仙波町"],
  },
  {
    prefecture: "神奈川県",
    city: "相模原市",
    cityInAddress: "相模原市中央区",
    areaCode: "042",
    postalPrefix: "252",
    towns: ["相模原", "中央", "清新", "横山"],
  },
  {
    prefecture: "東京都",
    city: "八王子市",
    cityInAddress: "八王子市",
    areaCode: "042",
    postalPrefix: "192",
    towns: ["本町", "横山町", "明神町", "旭町"],
  },
  {
    prefecture: "東京都",
    city: "世田谷区",
    cityInAddress: "世田谷区",
    areaCode: "03",
    postalPrefix: "154",
    towns: ["太子堂", "三軒茶屋", "若林", "世田谷"],
  },
  {
    prefecture: "大阪府",
    city: "豊中市",
    cityInAddress: "豊中市",
    areaCode: "06",
    postalPrefix: "560",
    towns: ["本町", "岡町", "曽根東町", "服部元町"],
  },
  {
    prefecture: "愛知県",
    city: "豊田市",
    cityInAddress: "豊田市",
    areaCode: "0565",
    postalPrefix: "471",
    towns: ["西町", "小坂本町", "喜多町", "神明町"],
  },
  {
    prefecture: "北海道",
    city: "旭川市",
    cityInAddress: "旭川市",
    areaCode: "0166",
    postalPrefix: "070",
    towns: ["三条通", "宮下通", "豊岡", "末広"],
  },
  {
    prefecture: "宮城県",
    city: "仙台市",
    cityInAddress: "仙台市青葉区",
    areaCode: "022",
    postalPrefix: "980",
    towns: ["一番町", "本町", "上杉", "五橋"],
  },
  {
    prefecture: "福岡県",
    city: "久留米市",
    cityInAddress: "久留米市",
    areaCode: "0942",
    postalPrefix: "830",
    towns: ["城南町", "東町", "日吉町", "諏訪野町"],
  },
  {
    prefecture: "広島県",
    city: "福山市",
    cityInAddress: "福山市",
    areaCode: "084",
    postalPrefix: "720",
    towns: ["東桜町", "霞町", "元町", "西町"],
  },
];

export function pickMunicipality(random: Random): Municipality {
  return random.pick(MUNICIPALITIES);
}

function digits(random: Random, count: number): string {
  let result = "";
  for (let i = 0; i < count; i++) result += String(random.int(0, 9));
  return result;
}

/** Digits and hyphens in full width, as typed with the IME left in full-width mode. */
function toFullWidthNumbers(text: string): string {
  return toFullWidthDigits(text).replace(/-/g, "\uff0d");
}

/** NFKC with digits ASCII and spaces removed: the spec's normalised address. */
function normaliseAddress(printed: string): string {
  return printed.normalize("NFKC").replace(/\s/g, "");
}

export interface Address {
  municipality: Municipality;
  postalCode: string;
  /** Canonical, with half-width digits and 丁目/番/号 written out. */
  street: string;
  building?: string;
}

const BUILDINGS = ["ハイツ", "コーポ", "メゾン", "荘", "マンション", "レジデンス"];
const BUILDING_PREFIXES = [
  "サン",
  "グリーン",
  "さくら",
  "ひまわり",
  "第二",
  "フォレスト",
  "みどり",
];

export function fakeAddress(random: Random, municipality: Municipality): Address {
  const chome = random.int(1, 6);
  const ban = random.int(1, 30);
  const go = random.int(1, 25);
  const town = random.pick(municipality.towns);
  const street = `${town}${chome}丁目${ban}番${go}号`;
  const building = random.chance(0.45)
    ? `${random.pick(BUILDING_PREFIXES)}${random.pick(BUILDINGS)}${random.int(1, 3)}0${random.int(1, 8)}号室`
    : undefined;
  return {
    municipality,
    postalCode: `${municipality.postalPrefix}-${digits(random, 4)}`,
    street,
    ...(building ? { building } : {}),
  };
}

export function writeAddress(address: Address, random: Random): PrintedValue {
  const { municipality } = address;
  const street = random.chance(0.4)
    ? address.street.replace(/(\d+)丁目(\d+)番(\d+)号/, "$1-$2-$3")
    : address.street;
  const prefecture = random.chance(0.7) ? municipality.prefecture : "";
  const building = address.building ? `${random.pick([" ", "\u3000", ""])}${address.building}` : "";
  let printed = `${prefecture}${municipality.cityInAddress}${street}${building}`;
  if (random.chance(0.3)) printed = toFullWidthNumbers(printed);
  return { printed, value: normaliseAddress(printed) };
}

export function writePostalCode(postalCode: string, random: Random): PrintedValue {
  const printed = random.chance(0.25) ? toFullWidthNumbers(postalCode) : postalCode;
  return { printed, value: postalCode };
}

/** Canonical phone number: ASCII digits and hyphens. */
export function fakeLandline(random: Random, municipality: Municipality): string {
  const { areaCode } = municipality;
  // A landline has 10 digits in all; the shorter the area code, the longer the exchange.
  const localDigits = 10 - areaCode.length;
  const exchangeDigits = localDigits - 4;
  const exchange = `${random.int(2, 9)}${digits(random, exchangeDigits - 1)}`;
  return `${areaCode}-${exchange}-${digits(random, 4)}`;
}

export function fakeMobile(random: Random): string {
  return `${random.pick(["090", "080", "070"])}-${random.int(1, 9)}${digits(random, 3)}-${digits(random, 4)}`;
}

export function writePhone(phone: string, random: Random): PrintedValue {
  const [area, exchange, line] = phone.split("-");
  const style = random.pick(["hyphens", "hyphens", "hyphens", "brackets", "full-width"] as const);
  const printed =
    style === "brackets"
      ? `${area}(${exchange})${line}`
      : style === "full-width"
        ? toFullWidthNumbers(phone)
        : phone;
  return { printed, value: phone };
}

/** Case numbers as offices number them: era year and a serial, sometimes the Western year. */
export function fakeCaseNumber(random: Random, year: number): string {
  const serial = String(random.int(1, 480)).padStart(4, "0");
  return random.chance(0.8) ? `R${year - 2018}-${serial}` : `${year}-${serial}`;
}

export function writeCaseNumber(caseNumber: string, random: Random): PrintedValue {
  const printed = random.chance(0.2)
    ? toFullWidthNumbers(caseNumber).replace("R", "\uff32")
    : caseNumber;
  return { printed, value: caseNumber };
}

const AGENCY_KINDS = [
  "福祉総合相談センター",
  "福祉総合相談窓口",
  "生活自立・仕事相談センター",
  "社会福祉協議会",
  "くらし相談支援センター",
  "福祉部地域共生推進課",
];

export function fakeAgency(random: Random, municipality: Municipality): string {
  return `${municipality.city}${random.pick(AGENCY_KINDS)}`;
}
