import os from "node:os";
import {
  createWorker,
  OEM,
  type Page,
  PSM,
  type RecognizeOptions,
  type Worker,
} from "tesseract.js";
import { assertLocalLanguageData, jpnLangPath } from "./language-data.ts";

const LANGUAGE = "jpn";
const DEFAULT_JOBS_PER_WORKER = 2000;

export interface TesseractPoolOptions {
  /**
   * Most workers alive at once; each holds its own copy of the model, ~115 MB of memory.
   * Default: one per core.
   */
  size?: number;
  /** Local folder with jpn.traineddata.gz. Default: the variant chosen in language-data.ts. */
  langPath?: string;
  /**
   * Jobs a worker runs before it is replaced by a fresh one. Default 2000, a few dozen pages.
   * A worker's WebAssembly memory only ever grows, and tesseract.js leaks a little on every job
   * (naptha/tesseract.js#977, #1045: its maintainers advise recreating workers), so a worker kept
   * for a 500-page batch would creep by a hundred megabytes or more.
   */
  jobsPerWorker?: number;
}

export interface PoolRecognizeOptions {
  /** Default AUTO: whole form pages with several blocks. */
  pageSegMode?: PSM;
}

export class TesseractPoolClosedError extends Error {
  override name = "TesseractPoolClosedError";
}

export class TesseractWorkerStartError extends Error {
  override name = "TesseractWorkerStartError";
}

export class TesseractRecognizeError extends Error {
  override name = "TesseractRecognizeError";
}

interface Waiter {
  resolve: (worker: Worker) => void;
  reject: (error: Error) => void;
}

/**
 * Workers are started on demand, up to `size`, and then kept for `jobsPerWorker` jobs: loading the
 * Japanese model takes about half a second per worker, a third of what recognising a page takes. Own queue rather than
 * tesseract.js's scheduler, which starts nothing lazily, cannot drop a broken worker, and whose
 * terminate() neither waits for its workers nor settles the jobs they were running.
 */
export class TesseractPool {
  readonly size: number;
  readonly #langPath: string;
  readonly #jobsPerWorker: number;
  /** Live workers and the jobs each has run. */
  readonly #workers = new Map<Worker, number>();
  readonly #idle: Worker[] = [];
  readonly #waiting: Waiter[] = [];
  #starting = 0;
  #created = 0;
  #closed = false;
  /**
   * Rejects the jobs running now, so jobs on a killed worker do not hang forever. One entry per
   * running job, removed when it settles: racing every job against one promise that settles only
   * at terminate() would keep every job's result reachable from it until then (nodejs/node#17469),
   * some 50 KB of page data per job, growing over a long batch.
   */
  readonly #running = new Set<(error: Error) => void>();

  constructor(options: TesseractPoolOptions = {}) {
    this.size = options.size ?? os.availableParallelism();
    if (!Number.isInteger(this.size) || this.size < 1) {
      throw new RangeError(`pool size must be a positive integer, got ${this.size}`);
    }
    this.#jobsPerWorker = options.jobsPerWorker ?? DEFAULT_JOBS_PER_WORKER;
    if (!Number.isInteger(this.#jobsPerWorker) || this.#jobsPerWorker < 1) {
      throw new RangeError(`jobsPerWorker must be a positive integer, got ${this.#jobsPerWorker}`);
    }
    this.#langPath = options.langPath ?? jpnLangPath();
    assertLocalLanguageData(this.#langPath, LANGUAGE);
  }

  /** Workers started over the pool's life, including any replaced after a failure. */
  get workersCreated(): number {
    return this.#created;
  }

  async recognize(image: Buffer, options: PoolRecognizeOptions = {}): Promise<Page> {
    const worker = await this.#acquire();
    // terminate() may have run while this call waited for its turn: the worker is gone then.
    if (this.#closed) throw new TesseractPoolClosedError("the OCR pool was terminated");
    try {
      // Passed per call, not set on the worker: tesseract.js hands unknown option keys to tesseract
      // as parameters and restores them afterwards, so one job's mode never leaks into the next.
      const params = { tessedit_pageseg_mode: options.pageSegMode ?? PSM.AUTO };
      const job = worker.recognize(image, params as Partial<RecognizeOptions>, {
        blocks: true,
        text: true,
      });
      const { data } = await this.#untilTerminated(job);
      this.#release(worker);
      return data;
    } catch (cause) {
      if (cause instanceof TesseractPoolClosedError) throw cause;
      // Our input is always a PNG written by sharp, so a failure means the worker itself is in
      // trouble (a WASM abort leaves it unusable): replace it rather than hand it the next job.
      this.#discard(worker);
      throw new TesseractRecognizeError(`tesseract failed: ${String(cause)}`, { cause });
    }
  }

  /** Stops all workers; queued and running jobs are rejected with TesseractPoolClosedError. */
  async terminate(): Promise<void> {
    this.#closed = true;
    const error = new TesseractPoolClosedError("the OCR pool was terminated");
    for (const waiter of this.#waiting.splice(0)) waiter.reject(error);
    for (const fail of this.#running) fail(error);
    this.#running.clear();
    this.#idle.length = 0;
    const workers = [...this.#workers.keys()];
    this.#workers.clear();
    // A worker still loading is terminated as soon as it is ready (see #startWorker).
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  #untilTerminated<T>(job: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#running.add(reject);
      job.then(resolve, reject).finally(() => this.#running.delete(reject));
    });
  }

  #acquire(): Promise<Worker> {
    if (this.#closed) {
      return Promise.reject(new TesseractPoolClosedError("the OCR pool was terminated"));
    }
    return new Promise((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#dispatch();
    });
  }

  #release(worker: Worker): void {
    if (this.#closed) return;
    const jobs = (this.#workers.get(worker) ?? 0) + 1;
    if (jobs >= this.#jobsPerWorker) {
      this.#discard(worker);
      return;
    }
    this.#workers.set(worker, jobs);
    this.#idle.push(worker);
    this.#dispatch();
  }

  #discard(worker: Worker): void {
    this.#workers.delete(worker);
    void worker.terminate();
    if (!this.#closed) this.#dispatch();
  }

  #dispatch(): void {
    while (this.#waiting.length > 0 && this.#idle.length > 0) {
      const worker = this.#idle.pop() as Worker;
      this.#waiting.shift()?.resolve(worker);
    }
    const workerCount = this.#workers.size + this.#starting;
    const toStart = Math.min(this.#waiting.length - this.#starting, this.size - workerCount);
    for (let i = 0; i < toStart; i++) this.#startWorker();
  }

  #startWorker(): void {
    this.#starting++;
    startWorker(this.#langPath).then(
      (worker) => {
        this.#starting--;
        if (this.#closed) {
          void worker.terminate();
          return;
        }
        this.#created++;
        this.#workers.set(worker, 0);
        this.#idle.push(worker);
        this.#dispatch();
      },
      (error: Error) => {
        this.#starting--;
        // Fail the job that asked for this worker rather than retrying forever on bad data.
        this.#waiting.shift()?.reject(error);
        this.#dispatch();
      },
    );
  }
}

async function startWorker(langPath: string): Promise<Worker> {
  // createWorker never settles when loading the language data fails; the error only reaches
  // errorHandler. Without a handler tesseract.js rethrows it, uncaught, and kills the process.
  let failStart: (error: Error) => void = () => {};
  const startFailed = new Promise<never>((_, reject) => {
    failStart = reject;
  });
  const started = createWorker(LANGUAGE, OEM.LSTM_ONLY, {
    langPath,
    gzip: true,
    // The default cache writes jpn.traineddata into the working directory.
    cacheMethod: "none",
    // workerPath and corePath are left alone: in Node they point into node_modules
    // (tesseract.js/src/worker-script, tesseract.js-core), never at a CDN.
    // No Japanese-specific parameters: preserve_interword_spaces only changes tesseract's own
    // text, which we rebuild from word boxes (words and boxes were identical with 0 and 1), and
    // tessedit_do_invert=0 saved no measurable time while it would lose white-on-black headings.
    errorHandler: (message: unknown) => {
      failStart(
        new TesseractWorkerStartError(`tesseract worker failed to start: ${String(message)}`),
      );
    },
  });
  return Promise.race([started, startFailed]);
}
