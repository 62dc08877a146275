/** One message of Docker's pull stream. */
export interface PullEvent {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

/** How often a pull says how far it got, at most. */
export const PULL_PROGRESS_MS = 1000;

type LayerPhase = "waiting" | "downloading" | "downloaded" | "extracting" | "done" | "retrying";

interface Layer {
  phase: LayerPhase;
  downloaded: number;
  size: number;
  /** While `retrying`: the seconds until the daemon tries the failed download again. */
  retryInSeconds?: number;
}

const PHASES: Record<string, LayerPhase> = {
  "Pulling fs layer": "waiting",
  Waiting: "waiting",
  Downloading: "downloading",
  "Verifying Checksum": "downloaded",
  "Download complete": "downloaded",
  Extracting: "extracting",
  "Pull complete": "done",
  "Already exists": "done",
};

const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The daemon's countdown after a failed layer download (it tries `max-download-attempts` times, 5 by default). */
const RETRYING = /^Retrying in (\d+) seconds?$/;

function phaseOf(status: string): LayerPhase | undefined {
  return RETRYING.test(status) ? "retrying" : PHASES[status];
}

/**
 * Folds Docker's per-layer pull messages into one line, as `docker pull`'s
 * screen would read in a single row: layers done, bytes downloaded of the
 * layers' sizes known so far.
 */
export class PullProgress {
  private readonly layers = new Map<string, Layer>();

  /** Takes one event; returns whether it was about a layer. */
  record(event: PullEvent): boolean {
    const phase = event.status === undefined || event.id === undefined ? undefined : phaseOf(event.status);
    if (!phase) return false;
    const layer = this.layers.get(event.id!) ?? { phase, downloaded: 0, size: 0 };
    layer.phase = phase;
    layer.retryInSeconds = phase === "retrying" ? Number(RETRYING.exec(event.status!)![1]) : undefined;
    const detail = event.progressDetail;
    if (phase === "downloading" && detail?.total) {
      layer.size = detail.total;
      layer.downloaded = detail.current ?? 0;
    }
    if (phase === "downloaded" || phase === "extracting" || phase === "done") layer.downloaded = layer.size;
    this.layers.set(event.id!, layer);
    return true;
  }

  summary(): string {
    const layers = [...this.layers.values()];
    const done = layers.filter((l) => l.phase === "done").length;
    const size = layers.reduce((sum, l) => sum + l.size, 0);
    const downloaded = layers.reduce((sum, l) => sum + l.downloaded, 0);
    const extracting = layers.some((l) => l.phase === "extracting");
    const retries = layers.flatMap((l) => (l.retryInSeconds === undefined ? [] : [l.retryInSeconds]));
    const bytes = size > 0 ? `, ${mib(downloaded)} of ${mib(size)} MiB downloaded` : "";
    const retrying = retries.length > 0 ? `, a layer download failed: the daemon retries in ${Math.min(...retries)} s` : "";
    return `${done} of ${layers.length} layers done${bytes}${extracting ? ", extracting" : ""}${retrying}`;
  }
}
