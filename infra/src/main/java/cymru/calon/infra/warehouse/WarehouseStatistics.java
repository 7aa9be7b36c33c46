package cymru.calon.infra.warehouse;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the warehouse's consumer has done since it started: events applied, duplicates dropped by
 * event id, records of unknown kinds skipped (by kind), and each applied event's lag from the event
 * store's timestamp to the commit of the warehouse transaction that applied it.
 */
public final class WarehouseStatistics {
  private static final int MAX_LAGS = 1_000_000;

  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong parked = new AtomicLong();
  private final Map<String, AtomicLong> skipped = new ConcurrentHashMap<>();
  private final AtomicReference<Instant> lastCommit = new AtomicReference<>();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private volatile long behind = -1;
  private long[] lagMicros = new long[1024];
  private int lags;

  void committed(long appliedNow, long duplicatesNow, Instant at, Iterable<Instant> recordedAts) {
    applied.addAndGet(appliedNow);
    duplicates.addAndGet(duplicatesNow);
    lastCommit.set(at);
    lastError.set(null);
    synchronized (this) {
      for (Instant recorded : recordedAts) {
        if (lags == MAX_LAGS) {
          break;
        }
        if (lags == lagMicros.length) {
          lagMicros = Arrays.copyOf(lagMicros, lags * 2);
        }
        lagMicros[lags++] = Duration.between(recorded, at).toNanos() / 1_000;
      }
    }
  }

  void parked(long events) {
    parked.addAndGet(events);
  }

  /** Events that arrived before the event creating their episode, worker or service. */
  public long parked() {
    return parked.get();
  }

  void skipped(String type) {
    skipped.computeIfAbsent(String.valueOf(type), t -> new AtomicLong()).incrementAndGet();
  }

  void failed(Exception e) {
    lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  void behind(long records) {
    behind = records;
  }

  public long applied() {
    return applied.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  /** Records skipped because their kind is unknown to this release, by kind. */
  public Map<String, Long> skipped() {
    Map<String, Long> copy = new TreeMap<>();
    skipped.forEach((type, n) -> copy.put(type, n.get()));
    return copy;
  }

  public long skippedTotal() {
    return skipped.values().stream().mapToLong(AtomicLong::get).sum();
  }

  public Instant lastCommit() {
    return lastCommit.get();
  }

  public String lastError() {
    return lastError.get();
  }

  /** Records on the topics not yet consumed, as of the last poll; -1 before the first. */
  public long behind() {
    return behind;
  }

  /** The q-quantile (0..1) of the lags recorded since {@code from} (an index), in milliseconds. */
  public synchronized double lagQuantileMillis(double q, int from) {
    if (lags <= from) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOfRange(lagMicros, from, lags);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000.0;
  }

  /** How many lags have been recorded (an index for {@link #lagQuantileMillis}). */
  public synchronized int lagsRecorded() {
    return lags;
  }
}
