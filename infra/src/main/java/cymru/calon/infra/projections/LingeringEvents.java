package cymru.calon.infra.projections;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the projections read it: a processor that has caught up and then sees a new
 * event waits {@code linger} before it takes its batch, so events arriving meanwhile join that
 * batch instead of each making a transaction of its own.
 *
 * <p>Live, a tracking processor takes whatever has arrived when it wakes: under a steady stream of
 * commands that is a handful of events a batch, and every batch costs the same few statements, a
 * token update and a commit whatever its size (jOOQ rendering them was half the figures
 * projection's CPU; PostgreSQL committed over 1,000 transactions a second during an import of 1,700
 * commands a second). Waiting a little makes the batches tens of times larger for the same events.
 * A processor that is behind (a replay, a restart) never waits: its next event is already there.
 * The price is at most {@code linger} more lag between a command and its figures.
 */
final class LingeringEvents implements StreamableMessageSource<TrackedEventMessage<?>> {
  private final StreamableMessageSource<TrackedEventMessage<?>> store;
  private final long lingerNanos;

  LingeringEvents(StreamableMessageSource<TrackedEventMessage<?>> store, Duration linger) {
    this.store = store;
    this.lingerNanos = Math.max(0, linger.toNanos());
  }

  @Override
  public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken token) {
    BlockingStream<TrackedEventMessage<?>> stream = store.openStream(token);
    return lingerNanos == 0 ? stream : new Lingering(stream, lingerNanos);
  }

  @Override
  public TrackingToken createTailToken() {
    return store.createTailToken();
  }

  @Override
  public TrackingToken createHeadToken() {
    return store.createHeadToken();
  }

  @Override
  public TrackingToken createTokenAt(Instant dateTime) {
    return store.createTokenAt(dateTime);
  }

  @Override
  public TrackingToken createTokenSince(Duration duration) {
    return store.createTokenSince(duration);
  }

  /** Lingers only when it had to wait for the next event: the processor was at the head. */
  static final class Lingering implements BlockingStream<TrackedEventMessage<?>> {
    private final BlockingStream<TrackedEventMessage<?>> events;
    private final long lingerNanos;

    Lingering(BlockingStream<TrackedEventMessage<?>> events, long lingerNanos) {
      this.events = events;
      this.lingerNanos = lingerNanos;
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
      if (events.hasNextAvailable() || timeout <= 0) {
        return events.hasNextAvailable(timeout, unit);
      }
      if (!events.hasNextAvailable(timeout, unit)) {
        return false;
      }
      TimeUnit.NANOSECONDS.sleep(lingerNanos);
      return true;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
      return events.peek();
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
      return events.nextAvailable();
    }

    @Override
    public void close() {
      events.close();
    }

    @Override
    public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
      events.skipMessagesWithPayloadTypeOf(ignoredMessage);
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
      return events.setOnAvailableCallback(callback);
    }
  }
}
