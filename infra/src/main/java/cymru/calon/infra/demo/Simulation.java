package cymru.calon.infra.demo;

import cymru.calon.commands.api.Command;
import cymru.calon.query.commands.ParsedCommand;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A discrete-event simulation that yields commands in the order they are recorded.
 *
 * <p>Two queues: what happens in the world (tasks, by the time they happen) and what has been
 * written down (commands, by the time they are recorded, which is never before they happen). A
 * command is released once no task still to run could record anything before it, so the output is
 * sorted by recording time while only the commands not yet recorded are held in memory. Whatever
 * would happen or be recorded after {@code end} is dropped: at {@code end} it has not happened, or
 * nobody has written it down yet.
 *
 * <p>Everything random comes from one seeded generator, consumed in a fixed order (ties in both
 * queues are broken by insertion order, and no hash-ordered collection is iterated), so a seed
 * always gives the same commands, with the same ids.
 */
final class Simulation implements Iterator<ParsedCommand> {
  private static final Comparator<Task> TASK_ORDER =
      Comparator.comparing(Task::at).thenComparingLong(Task::seq);
  private static final Comparator<Pending> RECORDING_ORDER =
      Comparator.comparing(Pending::recordAt).thenComparingLong(Pending::seq);

  final RandomGenerator rng;
  final Instant end;
  private final String idNamespace;
  private final PriorityQueue<Task> tasks = new PriorityQueue<>(TASK_ORDER);
  private final PriorityQueue<Pending> pending = new PriorityQueue<>(RECORDING_ORDER);
  private long taskSeq;
  private long pendingSeq;
  private long ids;
  private long commands;
  private Instant now = Instant.MIN;

  Simulation(long seed, Instant end) {
    this.rng = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    this.end = end;
    this.idNamespace = "calon-demo:" + seed + ":";
  }

  /** The time of the task running now. */
  Instant now() {
    return now;
  }

  /** Runs {@code action} at {@code at}, unless that is after the end of the history. */
  void at(Instant at, Runnable action) {
    if (!at.isAfter(end)) {
      tasks.add(new Task(at.isBefore(now) ? now : at, taskSeq++, action));
    }
  }

  /** Writes a command down at {@code recordAt}; dropped if it happens or is recorded after end. */
  void record(Instant recordAt, Command command) {
    if (recordAt.isBefore(command.occurredAt()) || recordAt.isBefore(now)) {
      throw new IllegalStateException("recorded before it happened: " + command);
    }
    if (!recordAt.isAfter(end)) {
      pending.add(new Pending(recordAt, pendingSeq++, command));
    }
  }

  /** A new id, the same for the same seed and position in the history. */
  UUID id(String kind) {
    return nameBased(kind + ":" + ids++);
  }

  private UUID nameBased(String name) {
    return UUID.nameUUIDFromBytes((idNamespace + name).getBytes(StandardCharsets.UTF_8));
  }

  // Drawing.

  boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  int between(int min, int max) {
    return rng.nextInt(min, max + 1);
  }

  double uniform(double min, double max) {
    return rng.nextDouble(min, max);
  }

  /** A normal draw, rounded and clamped. */
  int normal(double mean, double sd, int min, int max) {
    long value = Math.round(mean + sd * rng.nextGaussian());
    return (int) Math.max(min, Math.min(max, value));
  }

  <T> T pick(List<T> values) {
    return values.get(rng.nextInt(values.size()));
  }

  /** One of {@code values}, drawn with the given weights (same order). */
  <T> T weighted(List<T> values, double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = rng.nextDouble(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return values.get(i);
      }
    }
    return values.getLast();
  }

  // The iterator.

  @Override
  public boolean hasNext() {
    return ready() != null;
  }

  @Override
  public ParsedCommand next() {
    Pending next = ready();
    if (next == null) {
      throw new NoSuchElementException();
    }
    pending.poll();
    return new ParsedCommand(nameBased("command:" + commands++), next.command());
  }

  /** Runs tasks until the earliest recorded command can no longer be preceded by another. */
  private Pending ready() {
    while (true) {
      Pending head = pending.peek();
      Task task = tasks.peek();
      if (head != null && (task == null || !head.recordAt().isAfter(task.at()))) {
        return head;
      }
      if (task == null) {
        return null;
      }
      tasks.poll();
      now = task.at();
      task.action().run();
    }
  }

  private record Task(Instant at, long seq, Runnable action) {}

  private record Pending(Instant recordAt, long seq, Command command) {}
}
