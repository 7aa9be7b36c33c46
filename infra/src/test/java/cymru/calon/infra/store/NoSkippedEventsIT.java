package cymru.calon.infra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One append transaction is held open past the gap timeout while later appends commit; a tracking
 * processor must still see every event exactly once. The same scenario without serialised appends
 * shows the skip is real, so this test cannot pass vacuously.
 */
class NoSkippedEventsIT {
  private static final int GAP_TIMEOUT_MS = 1_000;
  private static final Duration HOLD = Duration.ofMillis(4 * GAP_TIMEOUT_MS);
  private static final int LATER_EVENTS = 5;

  private final ExecutorService threads = Executors.newCachedThreadPool();
  private TrackingEventProcessor processor;

  @AfterEach
  void stop() {
    if (processor != null) {
      processor.shutDown();
    }
    threads.shutdownNow();
  }

  @Test
  void withSerialisedAppends_aLateCommitIsSeen_andEveryEventExactlyOnce() throws Exception {
    Scenario run = runScenario(true);

    await().atMost(Duration.ofSeconds(20)).until(() -> run.seen().size() >= run.appended().size());
    Thread.sleep(2 * GAP_TIMEOUT_MS); // any duplicate delivery would show up by now
    assertThat(run.seen()).containsExactlyInAnyOrderElementsOf(run.appended());
    assertThat(run.seen()).doesNotHaveDuplicates();
  }

  @Test
  void withoutSerialisedAppends_aLateCommitIsSkipped() throws Exception {
    Scenario run = runScenario(false);

    await().atMost(Duration.ofSeconds(20)).until(() -> run.seen().size() >= LATER_EVENTS);
    Thread.sleep(3 * GAP_TIMEOUT_MS);
    assertThat(run.seen()).doesNotContain(run.slowEvent());
    assertThat(run.seen()).hasSize(LATER_EVENTS);
  }

  /**
   * A slow transaction appends first and holds its commit for four gap timeouts; five quick appends
   * follow. The processor starts only after the quick events are older than the gap timeout, as
   * after a restart or while it lags behind.
   */
  private Scenario runScenario(boolean serialiseAppends) throws Exception {
    DataSource dataSource = TestStores.newStore();
    var springTx = new DataSourceTransactionManager(dataSource);
    var axonTx = new SpringTransactionManager(springTx);
    var serializer = Jackson3Serializer.builder().build();
    JdbcEventStorageEngine engine =
        JdbcEventStorageEngine.builder()
            .connectionProvider(
                new UnitOfWorkAwareConnectionProviderWrapper(
                    new SpringDataSourceConnectionProvider(dataSource)))
            .transactionManager(axonTx)
            .schema(new AxonStoreConfiguration().eventSchema())
            .eventSerializer(serializer)
            .snapshotSerializer(serializer)
            .gapTimeout(GAP_TIMEOUT_MS)
            .appendEvents(
                serialiseAppends
                    ? SerializedAppends.statement()
                    : JdbcEventStorageEngineStatements::appendEvents)
            .build();
    var store = EmbeddedEventStore.builder().storageEngine(engine).build();
    var transactions = new TransactionTemplate(springTx);

    EventMessage<String> slow = GenericEventMessage.asEventMessage("slow");
    CountDownLatch slowAppended = new CountDownLatch(1);
    Future<?> slowCommit =
        threads.submit(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      engine.appendEvents(List.of(slow));
                      slowAppended.countDown();
                      sleep(HOLD);
                    }));
    assertThat(slowAppended.await(10, TimeUnit.SECONDS)).isTrue();

    List<String> appended = new ArrayList<>(List.of(slow.getIdentifier()));
    List<Future<?>> quick = new ArrayList<>();
    for (int i = 0; i < LATER_EVENTS; i++) {
      EventMessage<String> event = GenericEventMessage.asEventMessage("quick-" + i);
      appended.add(event.getIdentifier());
      quick.add(
          threads.submit(
              () -> transactions.executeWithoutResult(s -> engine.appendEvents(List.of(event)))));
    }

    sleep(Duration.ofMillis(GAP_TIMEOUT_MS + 500));
    var seen = new ConcurrentLinkedQueue<String>();
    processor =
        TrackingEventProcessor.builder()
            .name("probe")
            .eventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(new Recorder(seen)).build())
            .messageSource(store)
            .tokenStore(new InMemoryTokenStore())
            .transactionManager(NoTransactionManager.INSTANCE)
            .trackingEventProcessorConfiguration(
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
            .build();
    processor.start();

    slowCommit.get(30, TimeUnit.SECONDS);
    for (Future<?> f : quick) {
      f.get(30, TimeUnit.SECONDS);
    }
    return new Scenario(slow.getIdentifier(), appended, seen);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Scenario(
      String slowEvent, List<String> appended, ConcurrentLinkedQueue<String> seen) {}

  private static final class Recorder {
    private final ConcurrentLinkedQueue<String> seen;

    Recorder(ConcurrentLinkedQueue<String> seen) {
      this.seen = seen;
    }

    @EventHandler
    void on(String payload, EventMessage<?> message) {
      seen.add(message.getIdentifier());
    }
  }
}
