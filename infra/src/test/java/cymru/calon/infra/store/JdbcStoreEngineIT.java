package cymru.calon.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calon's engine reads the store as Axon's own does, token for token and event for event: only the
 * parsing of timestamps differs.
 */
class JdbcStoreEngineIT {
  private static final int GAP_TIMEOUT_MILLIS = 60_000;

  private final DataSource dataSource = TestStores.newStore();
  private final DataSourceTransactionManager springTx =
      new DataSourceTransactionManager(dataSource);
  private final TransactionTemplate transactions = new TransactionTemplate(springTx);
  private final JdbcEventStorageEngine axons = builder().build();
  private final JdbcStoreEngine calons = new JdbcStoreEngine(builder(), GAP_TIMEOUT_MILLIS);

  private JdbcEventStorageEngine.Builder builder() {
    var serializer = Jackson3Serializer.builder().build();
    return JdbcEventStorageEngine.builder()
        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
        .transactionManager(new SpringTransactionManager(springTx))
        .schema(new AxonStoreConfiguration().eventSchema())
        .eventSerializer(serializer)
        .snapshotSerializer(serializer)
        .gapTimeout(GAP_TIMEOUT_MILLIS)
        .batchSize(7);
  }

  @Test
  void trackedEvents_recentAndOld_withGaps_readAsAxonReadsThem() {
    Instant old = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    append(event("a", 0, old));
    append(event("a", 1, old.plusNanos(123_456_789)));
    rolledBack(event("x", 0, Instant.now())); // a gap among old events
    append(event("b", 0, old.plusMillis(5)));
    append(event("a", 2, Instant.now()));
    rolledBack(event("y", 0, Instant.now())); // a gap that may still fill
    rolledBack(event("z", 0, Instant.now()));
    for (int i = 0; i < 20; i++) {
      append(event("c", i, Instant.now()));
    }

    List<String> expected = tracked(axons, null);
    assertThat(expected).hasSize(24);
    assertThat(tracked(calons, null)).isEqualTo(expected);
    // From a token in the middle, with its gaps, as a restarted processor reads on.
    TrackingToken middle = trackedTokens(axons).get(4);
    assertThat(tracked(calons, middle)).isEqualTo(tracked(axons, middle));
  }

  @Test
  void anAggregatesEvents_readAsAxonReadsThem() {
    Instant at = Instant.parse("2026-03-29T00:59:59.999Z");
    append(event("a", 0, at));
    append(event("a", 1, at.plusSeconds(1)));

    Function<JdbcEventStorageEngine, List<String>> read =
        engine ->
            engine
                .readEvents("a")
                .asStream()
                .map(
                    e ->
                        e.getAggregateIdentifier()
                            + "/"
                            + e.getSequenceNumber()
                            + "/"
                            + e.getIdentifier()
                            + "/"
                            + e.getTimestamp()
                            + "/"
                            + e.getPayload()
                            + "/"
                            + e.getMetaData())
                .toList();
    assertThat(read.apply(calons)).hasSize(2).isEqualTo(read.apply(axons));
    assertThat(calons.readEvents("a").asStream().map(DomainEventMessage::getTimestamp))
        .containsExactly(at, at.plusSeconds(1));
  }

  private List<String> tracked(JdbcEventStorageEngine engine, TrackingToken from) {
    List<String> events = new ArrayList<>();
    engine
        .readEvents(from, false)
        .forEach(
            e ->
                events.add(
                    e.trackingToken()
                        + " "
                        + e.getIdentifier()
                        + " "
                        + e.getTimestamp()
                        + " "
                        + e.getPayload()
                        + " "
                        + e.getMetaData()
                        + " "
                        + (e instanceof DomainEventMessage<?> d
                            ? d.getAggregateIdentifier() + "/" + d.getSequenceNumber()
                            : "-")));
    return events;
  }

  private List<TrackingToken> trackedTokens(JdbcEventStorageEngine engine) {
    return engine.readEvents(null, false).map(TrackedEventMessage::trackingToken).toList();
  }

  private void append(DomainEventMessage<?> event) {
    transactions.executeWithoutResult(status -> axons.appendEvents(List.of(event)));
  }

  /** Takes a position from the store's sequence and gives it back: a gap no event will fill. */
  private void rolledBack(DomainEventMessage<?> event) {
    transactions.executeWithoutResult(
        status -> {
          axons.appendEvents(List.of(event));
          status.setRollbackOnly();
        });
  }

  private static DomainEventMessage<String> event(String aggregate, long sequence, Instant at) {
    return new GenericDomainEventMessage<>(
        "Test",
        aggregate,
        sequence,
        aggregate + "-" + sequence,
        MetaData.with("n", sequence),
        UUID.randomUUID().toString(),
        at);
  }
}
