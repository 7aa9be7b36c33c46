package cymru.calon.projections.figures;

import cymru.calon.projections.figures.EpisodeFiguresWrites.Moment;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * The episode summary values that committed batches have written (first contact, first recorded
 * aftercare contact), remembered so that a later batch leaves out the updates that cannot change
 * them: every contact after an episode's first would otherwise send an update that matches nothing,
 * over a million of them in a replay of the benchmark store.
 *
 * <p>Only committed values are remembered ({@link EpisodeFiguresWrites#committed}), and the values
 * in the table only ever move earlier, so the table's value is never later than the remembered one:
 * a candidate no earlier than what is remembered cannot change the row. A batch that rolls back
 * leaves nothing here, and its retry writes in full. Bounded, least recently used first out; a
 * forgotten episode's updates are simply sent again.
 *
 * <p>The first batch a processing thread runs, and a batch that starts at or before the last
 * position its thread committed, may follow a going back of the processor (its token reset,
 * elsewhere or without this instance's reset handler, the tables perhaps emptied; a processor
 * restarts on new threads): everything remembered is forgotten first. That costs only a thread's
 * first batch, when little is remembered. Positions are compared per thread because each of a
 * processor's threads runs a segment of its own, reading the whole store: with two segments, one
 * thread's batch routinely starts before the other's last commit, which is no going back (the two
 * handle different episodes). Other segments' and nodes' batches only ever move values earlier,
 * which leaves what is remembered a safe bound.
 */
final class CommittedSummaries {
  private record Known(Moment firstContact, Instant aftercareRecorded) {}

  private final Map<UUID, Known> known;
  // Weak: the threads of a stopped processor leave with them.
  private final Map<Thread, Long> lastPositions = new WeakHashMap<>();

  CommittedSummaries(int maxEntries) {
    this.known = LeastRecentlyUsed.map(maxEntries);
  }

  /** Whether the episode's first contact is known to be no later than {@code candidate}. */
  synchronized boolean firstContactNoLaterThan(UUID episode, Moment candidate) {
    Known k = known.get(episode);
    return k != null && k.firstContact() != null && k.firstContact().notAfter(candidate);
  }

  /** Whether an aftercare contact of the episode is known to be recorded by {@code candidate}. */
  synchronized boolean aftercareRecordedBy(UUID episode, Instant candidate) {
    Known k = known.get(episode);
    return k != null && k.aftercareRecorded() != null && !k.aftercareRecorded().isAfter(candidate);
  }

  /**
   * Forgets everything if this is the thread's first batch, or if a batch from {@code position} on
   * goes back over positions the thread committed.
   */
  synchronized void startingAt(long position) {
    Long last = lastPositions.get(Thread.currentThread());
    if (last == null || position <= last) {
      known.clear();
      lastPositions.remove(Thread.currentThread());
    }
  }

  /**
   * Remembers what a batch wrote, once its transaction has committed (on the thread that ran it).
   *
   * @param lastPosition the batch's last event position (-1: none known)
   */
  synchronized void committed(
      Map<UUID, Moment> firstContacts, Map<UUID, Instant> aftercare, long lastPosition) {
    if (lastPosition >= 0) {
      lastPositions.merge(Thread.currentThread(), lastPosition, Math::max);
    }
    for (var entry : firstContacts.entrySet()) {
      Known k = known.get(entry.getKey());
      Moment earliest =
          k == null || k.firstContact() == null
              ? entry.getValue()
              : entry.getValue().earlier(k.firstContact());
      known.put(entry.getKey(), new Known(earliest, k == null ? null : k.aftercareRecorded()));
    }
    for (var entry : aftercare.entrySet()) {
      Known k = known.get(entry.getKey());
      Instant earliest =
          k == null
                  || k.aftercareRecorded() == null
                  || entry.getValue().isBefore(k.aftercareRecorded())
              ? entry.getValue()
              : k.aftercareRecorded();
      known.put(entry.getKey(), new Known(k == null ? null : k.firstContact(), earliest));
    }
  }

  synchronized void clear() {
    known.clear();
    lastPositions.clear();
  }
}
