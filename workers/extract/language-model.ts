import { createRequire } from "node:module";
import path from "node:path";
import kuromoji from "kuromoji";

/**
 * How natural a text is as Japanese: the cost of its likeliest segmentation into words under
 * kuromoji's IPA dictionary (word costs and the costs of one part of speech following another;
 * lower is likelier). A kanji OCR misread mostly makes a word the dictionary does not hold, or
 * holds as rare (困究 for 困窮, 世淀 for 世帯), and an extra character an unlikely sequence
 * (無理のない人範囲), so of two readings of one text the likelier is mostly the right one. The
 * dictionary ships in the npm package: nothing is fetched at run time.
 */
export interface LanguageModel {
  cost(text: string): number;
  /** The readings (katakana) of every dictionary entry spelt `word`: 幸子 サチコ, ユキコ, … */
  readings(word: string): string[];
  /** The dictionary holds `word` as a person's family (姓) or given (名) name: 清水, 達也. */
  isPersonName(word: string, part: "姓" | "名"): boolean;
  /** The words of the text's likeliest segmentation, in order. */
  words(text: string): string[];
}

/**
 * The parts of kuromoji's tokenizer the cost is read from: its public API gives the words of
 * the best path but not what it cost. kuromoji 0.1.2 has not changed since 2017.
 */
interface ViterbiNode {
  shortest_cost: number;
  type: string;
  /** The entry's id in the dictionary, for its features. */
  name: number;
  /** 1-based position of the node's first character. */
  start_pos: number;
  surface_form: string;
}
interface ViterbiLattice {
  eos_pos: number;
  nodes_end_at: (ViterbiNode[] | undefined)[];
}
interface TokenizerInternals {
  viterbi_builder: { build(text: string): ViterbiLattice };
  /** Features of an entry, comma-separated: surface, four of part of speech, …, reading. */
  token_info_dictionary: { getFeatures(id: number): string | undefined };
  viterbi_searcher: { forward(lattice: ViterbiLattice): ViterbiLattice };
  /** kuromoji's public API: the words of the best path. */
  tokenize(text: string): { surface_form: string }[];
}

/** Sentences are costed apart, as kuromoji tokenises them: at 。、 and the like. */
const SENTENCE_END = /[、。？！!?]/u;
/** Index of the reading among an entry's features (IPADIC's CSV, surface first). */
const READING_FEATURE = 8;
/** Where IPADIC files a person's name: 名詞,固有名詞,人名,姓 (or 名). */
const PERSON_NAME_FEATURE = 3;
const NAME_PART_FEATURE = 4;

let loading: Promise<LanguageModel> | undefined;

/** The model, loaded once per process (about 3 s and 300 MB: the dictionary's tries and costs). */
export function loadLanguageModel(): Promise<LanguageModel> {
  loading ??= build();
  return loading;
}

async function build(): Promise<LanguageModel> {
  const require = createRequire(import.meta.url);
  const dicPath = path.join(path.dirname(require.resolve("kuromoji/package.json")), "dict");
  const tokenizer = await new Promise<TokenizerInternals>((resolve, reject) =>
    kuromoji
      .builder({ dicPath })
      .build((error, built) =>
        error ? reject(error) : resolve(built as unknown as TokenizerInternals),
      ),
  );
  const sentenceCost = (sentence: string) => {
    const lattice = tokenizer.viterbi_searcher.forward(tokenizer.viterbi_builder.build(sentence));
    return lattice.nodes_end_at[lattice.eos_pos]?.[0]?.shortest_cost ?? 0;
  };
  return {
    cost(text) {
      let total = 0;
      let rest = text;
      while (rest !== "") {
        const end = rest.search(SENTENCE_END);
        const sentence = end < 0 ? rest : rest.slice(0, end + 1);
        total += sentenceCost(sentence);
        rest = rest.slice(sentence.length);
      }
      return total;
    },
    readings(word) {
      const readings = entriesSpelt(word).flatMap((features) => {
        const reading = features[READING_FEATURE];
        return reading && reading !== "*" ? [reading] : [];
      });
      return [...new Set(readings)];
    },
    isPersonName(word, part) {
      return entriesSpelt(word).some(
        (features) =>
          features[PERSON_NAME_FEATURE] === "人名" && features[NAME_PART_FEATURE] === part,
      );
    },
    words(text) {
      return tokenizer.tokenize(text).map((token) => token.surface_form);
    },
  };

  /** The features of every dictionary entry spelt exactly `word`. */
  function entriesSpelt(word: string): string[][] {
    const length = Array.from(word).length;
    const entries = tokenizer.viterbi_builder.build(word).nodes_end_at[length] ?? [];
    return entries.flatMap((entry) =>
      entry.type === "KNOWN" && entry.start_pos === 1 && entry.surface_form === word
        ? [tokenizer.token_info_dictionary.getFeatures(entry.name)?.split(",") ?? []]
        : [],
    );
  }
}
