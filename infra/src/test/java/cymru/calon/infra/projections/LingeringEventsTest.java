package cymru.calon.infra.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

class LingeringEventsTest {
  private static final Duration LINGER = Duration.ofMillis(1_000);

  /** A store whose stream holds what {@link #arrive} put in it, as the embedded store's does. */
  private final LinkedBlockingQueue<TrackedEventMessage<?>> arrived = new LinkedBlockingQueue<>();

  private long position;

  private final StreamableMessageSource<TrackedEventMessage<?>> store =
      token ->
          new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
              return Optional.ofNullable(arrived.peek());
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit)
                throws InterruptedException {
              long deadline = System.nanoTime() + unit.toNanos(timeout);
              while (arrived.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1);
              }
              return !arrived.isEmpty();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
              return arrived.take();
            }

            @Override
            public void close() {}
          };

  private void arrive() {
    arrived.add(
        new GenericTrackedEventMessage<>(
            new GlobalSequenceTrackingToken(position++),
            GenericEventMessage.asEventMessage("event " + position)));
  }

  private BlockingStream<TrackedEventMessage<?>> stream() {
    return new LingeringEvents(store, LINGER).openStream((TrackingToken) null);
  }

  private static long millisOf(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void aProcessorThatIsBehind_takesItsBatchAtOnce() throws Exception {
    var events = stream();
    for (int i = 0; i < 3; i++) {
      arrive();
    }
    long[] took = new long[1];
    boolean[] available = new boolean[1];
    took[0] =
        millisOf(
            () -> {
              try {
                available[0] = events.hasNextAvailable(1_000, TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    assertThat(available[0]).isTrue();
    assertThat(took[0]).isLessThan(LINGER.toMillis() / 2);
  }

  @Test
  void aCaughtUpProcessor_waitsAfterTheFirstNewEvent_soThoseArrivingMeanwhileJoinItsBatch()
      throws Exception {
    var events = stream();
    Thread.ofPlatform()
        .start(
            () -> {
              try {
                Thread.sleep(50);
                arrive();
                Thread.sleep(100);
                arrive();
                arrive();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    long start = System.nanoTime();
    boolean available = events.hasNextAvailable(2_000, TimeUnit.MILLISECONDS);
    long took = (System.nanoTime() - start) / 1_000_000;

    assertThat(available).isTrue();
    assertThat(took).isGreaterThanOrEqualTo(50 + LINGER.toMillis());
    assertThat(arrived).hasSize(3);
  }

  @Test
  void nothingArriving_answersNoAfterTheTimeout_withoutLingering() throws Exception {
    var events = stream();
    long start = System.nanoTime();
    boolean available = events.hasNextAvailable(100, TimeUnit.MILLISECONDS);
    long took = (System.nanoTime() - start) / 1_000_000;

    assertThat(available).isFalse();
    assertThat(took).isLessThan(100 + LINGER.toMillis() / 2);
  }

  @Test
  void askingWithoutWaiting_neverLingers() throws Exception {
    var events = stream();
    arrive();
    long start = System.nanoTime();
    assertThat(events.hasNextAvailable()).isTrue();
    assertThat(events.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(LINGER.toMillis() / 2);
  }

  @Test
  void zero_isTheStoresOwnStream() {
    BlockingStream<TrackedEventMessage<?>> plain = store.openStream(null);
    assertThat(new LingeringEvents(store, Duration.ZERO).openStream(null).getClass())
        .isEqualTo(plain.getClass());
  }
}
