package cymru.calon.infra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The events of a group of commands, on real PostgreSQL: they wait in the group's transaction and
 * are inserted together before it commits, or as soon as the store is read in it; outside a group
 * each append is inserted at once.
 */
class GroupedAppendsEngineIT {
  private final AtomicBoolean inGroup = new AtomicBoolean(true);
  private final DataSource dataSource = TestStores.newStore();
  private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
  private final TransactionTemplate transactions;
  private final EventSchema schema = new AxonStoreConfiguration().eventSchema();
  private final GroupedAppendsEngine engine;

  GroupedAppendsEngineIT() {
    var springTx = new DataSourceTransactionManager(dataSource);
    transactions = new TransactionTemplate(springTx);
    var serializer = Jackson3Serializer.builder().build();
    engine =
        new GroupedAppendsEngine(
            JdbcEventStorageEngine.builder()
                .connectionProvider(
                    new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(new SpringTransactionManager(springTx))
                .schema(schema)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .appendEvents(SerializedAppends.statement()),
            60_000,
            inGroup::get);
  }

  @Test
  void aGroupsEvents_waitForItsCommit_orForARead_andKeepTheirOrder() {
    transactions.executeWithoutResult(
        status -> {
          engine.appendEvents(List.of(event("a", 0), event("a", 1)));
          assertThat(rows()).as("waiting in the transaction").isZero();
          engine.appendEvents(List.of(event("b", 0)));
          assertThat(engine.readEvents("a").asStream().map(e -> (Object) e.getPayload()).toList())
              .as("a read of the store in the group sees what the group appended")
              .containsExactly((Object) "a-0", "a-1");
          assertThat(rows()).as("inserted for the read").isEqualTo(3);
          engine.appendEvents(List.of(event("a", 2)));
          assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
          engine.appendEvents(List.of(event("c", 0)));
          assertThat(rows()).isEqualTo(4);
        });
    assertThat(
            jdbc.queryForList(
                "SELECT aggregate_identifier || '-' || sequence_number FROM domain_event_entry"
                    + " ORDER BY global_index",
                String.class))
        .as("committed, in the order appended")
        .containsExactly("a-0", "a-1", "b-0", "a-2", "c-0");
  }

  @Test
  void aGroupRolledBack_storesNothing_andLeavesNothingForTheNext() {
    transactions.executeWithoutResult(
        status -> {
          engine.appendEvents(List.of(event("a", 0)));
          status.setRollbackOnly();
        });
    transactions.executeWithoutResult(status -> engine.appendEvents(List.of(event("b", 0))));
    assertThat(
            jdbc.queryForList("SELECT aggregate_identifier FROM domain_event_entry", String.class))
        .containsExactly("b");
  }

  @Test
  void aDuplicateInTheGroup_failsItsCommit_andNothingOfItIsStored() {
    transactions.executeWithoutResult(status -> engine.appendEvents(List.of(event("a", 0))));
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      engine.appendEvents(List.of(event("b", 0)));
                      engine.appendEvents(List.of(event("a", 0)));
                    }))
        .isInstanceOf(RuntimeException.class);
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void outsideAGroup_eachAppendIsInsertedAtOnce_afterAnyStillWaiting() {
    transactions.executeWithoutResult(
        status -> {
          engine.appendEvents(List.of(event("a", 0)));
          inGroup.set(false);
          engine.appendEvents(List.of(event("b", 0)));
          assertThat(rows()).isEqualTo(2);
        });
    assertThat(
            jdbc.queryForList(
                "SELECT aggregate_identifier FROM domain_event_entry ORDER BY global_index",
                String.class))
        .containsExactly("a", "b");
  }

  /**
   * Aggregates found absent as the group begins are read as empty, without a query and without
   * inserting the group's waiting events; one with events or a snapshot is not absent, and one the
   * group appends to stops being absent. The next transaction knows nothing.
   */
  @Test
  void anAggregateFoundAbsent_isReadAsEmpty_withoutInsertingTheWaitingEvents() {
    transactions.executeWithoutResult(
        status -> {
          inGroup.set(false);
          engine.appendEvents(List.of(event("old", 0)));
          engine.storeSnapshot(event("snapped", 4));
          inGroup.set(true);
        });
    transactions.executeWithoutResult(
        status -> {
          AbsentAggregates.find(jdbc, schema, List.of("old", "snapped", "new", "other"));
          assertThat(AbsentAggregates.absent("old")).isFalse();
          assertThat(AbsentAggregates.absent("snapped")).isFalse();
          assertThat(AbsentAggregates.absent("other")).isTrue();
          engine.appendEvents(List.of(event("old", 1)));
          assertThat(engine.readSnapshot("new")).isEmpty();
          assertThat(engine.readEvents("new").asStream()).isEmpty();
          assertThat(engine.lastSequenceNumberFor("new")).isEmpty();
          assertThat(rows()).as("old-1 still waiting").isEqualTo(1);
          engine.appendEvents(List.of(event("new", 0)));
          assertThat(AbsentAggregates.absent("new")).isFalse();
          assertThat(payloads("new")).containsExactly("new-0");
          assertThat(rows()).isEqualTo(3);
          assertThat(payloads("old")).containsExactly("old-0", "old-1");
        });
    transactions.executeWithoutResult(
        status -> assertThat(AbsentAggregates.absent("other")).isFalse());
  }

  private List<Object> payloads(String aggregate) {
    return engine.readEvents(aggregate).asStream().map(e -> (Object) e.getPayload()).toList();
  }

  private long rows() {
    return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
  }

  private static DomainEventMessage<String> event(String aggregate, long sequence) {
    return new GenericDomainEventMessage<>("Test", aggregate, sequence, aggregate + "-" + sequence);
  }
}
