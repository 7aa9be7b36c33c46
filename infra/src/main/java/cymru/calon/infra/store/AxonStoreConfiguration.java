package cymru.calon.infra.store;

import cymru.calon.query.commands.GroupCommit;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's JDBC event store, token store and dead-letter queue on the snake_case tables that Flyway
 * owns ({@code db/migration/store}).
 */
@Configuration(proxyBeanMethods = false)
class AxonStoreConfiguration {

  @Bean
  EventSchema eventSchema() {
    return EventSchema.builder()
        .eventTable("domain_event_entry")
        .snapshotTable("snapshot_event_entry")
        .globalIndexColumn("global_index")
        .timestampColumn("time_stamp")
        .eventIdentifierColumn("event_identifier")
        .aggregateIdentifierColumn("aggregate_identifier")
        .sequenceNumberColumn("sequence_number")
        .typeColumn("type")
        .payloadTypeColumn("payload_type")
        .payloadRevisionColumn("payload_revision")
        .payloadColumn("payload")
        .metaDataColumn("meta_data")
        .build();
  }

  @Bean
  TokenSchema tokenSchema() {
    return TokenSchema.builder()
        .setTokenTable("token_entry")
        .setProcessorNameColumn("processor_name")
        .setSegmentColumn("segment")
        .setTokenColumn("token")
        .setTokenTypeColumn("token_type")
        .setTimestampColumn("time_stamp")
        .setOwnerColumn("owner")
        .build();
  }

  /**
   * Axon's JDBC token store, with the name this node claims segments under ({@code calon.node-id},
   * by default the JVM's {@code pid@host}): with several Calons on one database each claims its own
   * segments, and a claim not renewed for {@code claim-timeout} (a node that died) is taken over by
   * another node. A node that stops releases its claims at once.
   */
  @Bean
  TokenStore tokenStore(
      ConnectionProvider connectionProvider,
      Serializer defaultSerializer,
      TokenSchema tokenSchema,
      @Value("${calon.node-id:#{null}}") String nodeId,
      @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
    JdbcTokenStore.Builder builder =
        JdbcTokenStore.builder()
            .connectionProvider(connectionProvider)
            .schema(tokenSchema)
            .serializer(defaultSerializer)
            .claimTimeout(claimTimeout);
    if (nodeId != null && !nodeId.isBlank()) {
      builder.nodeId(nodeId);
    }
    return builder.build();
  }

  @Bean
  DeadLetterSchema deadLetterSchema() {
    return DeadLetterSchema.builder()
        .deadLetterTable("dead_letter_entry")
        .deadLetterIdentifierColumn("dead_letter_id")
        .processingGroupColumn("processing_group")
        .sequenceIdentifierColumn("sequence_identifier")
        .sequenceIndexColumn("sequence_index")
        .messageTypeColumn("message_type")
        .eventIdentifierColumn("event_identifier")
        .timestampColumn("time_stamp")
        .payloadTypeColumn("payload_type")
        .payloadRevisionColumn("payload_revision")
        .payloadColumn("payload")
        .metaDataColumn("meta_data")
        .aggregateTypeColumn("aggregate_type")
        .aggregateIdentifierColumn("aggregate_identifier")
        .sequenceNumberColumn("sequence_number")
        .tokenTypeColumn("token_type")
        .tokenColumn("token")
        .enqueuedAtColumn("enqueued_at")
        .lastTouchedColumn("last_touched")
        .processingStartedColumn("processing_started")
        .causeTypeColumn("cause_type")
        .causeMessageColumn("cause_message")
        .diagnosticsColumn("diagnostics")
        .build();
  }

  /**
   * The JDBC engine with serialised appends (see {@link SerializedAppends}). The switch exists only
   * to measure what the serialisation costs; never turn it off for real data.
   *
   * <p>The engine joins the transaction that is open (required propagation), not Axon's
   * nested-propagation manager: inside a command's unit of work, which already has its transaction
   * or savepoint, a savepoint of its own around every read and append would only add round trips.
   * Where no transaction is open it starts one, as before.
   *
   * <p>A group of commands committed together inserts its events as one batch ({@link
   * GroupedAppendsEngine}); {@code calon.event-store.group-appends=false} inserts each command's
   * events as it is applied, to measure the difference. Either way each event's timestamp is parsed
   * once, as it is read ({@link JdbcStoreEngine}).
   */
  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration configuration,
      ConnectionProvider connectionProvider,
      PlatformTransactionManager transactionManager,
      EventSchema eventSchema,
      @Value("${calon.event-store.serialize-appends:true}") boolean serializeAppends,
      @Value("${calon.event-store.gap-timeout:5m}") Duration gapTimeout,
      @Value("${calon.event-store.fetch-batch-size:1000}") int fetchBatchSize,
      @Value("${calon.event-store.group-appends:true}") boolean groupAppends) {
    JdbcEventStorageEngine.Builder builder =
        JdbcEventStorageEngine.builder()
            .snapshotSerializer(defaultSerializer)
            .upcasterChain(configuration.upcasterChain())
            .persistenceExceptionResolver(persistenceExceptionResolver)
            .eventSerializer(eventSerializer)
            .snapshotFilter(configuration.snapshotFilter())
            .connectionProvider(connectionProvider)
            .transactionManager(new SpringTransactionManager(transactionManager))
            .schema(eventSchema)
            .gapTimeout(Math.toIntExact(gapTimeout.toMillis()))
            // Events read per query by a processor's stream (Axon's default is 100): a replay reads
            // the whole store, and round trips, not rows, were its cost.
            .batchSize(fetchBatchSize)
            .appendEvents(
                serializeAppends
                    ? SerializedAppends.statement()
                    : JdbcEventStorageEngineStatements::appendEvents);
    return groupAppends
        ? new GroupedAppendsEngine(builder, gapTimeout.toMillis(), GroupCommit::inGroup)
        : new JdbcStoreEngine(builder, gapTimeout.toMillis());
  }

  /**
   * What a duplicate key from the store means (a concurrent append to the same aggregate): Axon's
   * JDBC auto-configuration makes this one only when it also makes the event store.
   */
  @Bean
  PersistenceExceptionResolver jdbcSQLErrorCodesResolver() {
    return new JdbcSQLErrorCodesResolver();
  }

  /**
   * Axon's own event store ({@code AxonAutoConfiguration.eventStore} backs off for it), woken once
   * per database commit ({@link GroupAwareEventStore}).
   */
  @Bean
  @Qualifier("eventStore")
  EmbeddedEventStore eventStore(
      EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
    return new GroupAwareEventStore(
        EmbeddedEventStore.builder()
            .storageEngine(storageEngine)
            .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
            .spanFactory(configuration.getComponent(EventBusSpanFactory.class)));
  }
}
