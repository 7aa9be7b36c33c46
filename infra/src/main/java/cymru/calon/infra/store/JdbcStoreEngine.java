package cymru.calon.infra.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC engine, with each event's timestamp parsed once, as it is read ({@link
 * StoredTimestamps}), instead of by Axon's general ISO parser at every use: once to decide whether
 * a gap before the event may still fill, and again when a handler or the processor asks for it.
 *
 * <p>The tracking token of each event is built exactly as Axon builds it: the first event of a
 * stream records every position below it (from the store's lowest, 1) as a gap, later ones advance
 * the previous token keeping gaps up to Axon's default offset of 10,000 positions, and an event
 * older than the gap timeout keeps none, since a transaction cannot still be filling a gap that
 * old.
 *
 * <p>An aggregate a group of commands found absent from the store as it began ({@link
 * AbsentAggregates}) is read as empty without a query.
 */
class JdbcStoreEngine extends JdbcEventStorageEngine {
  private static final long LOWEST_GLOBAL_SEQUENCE = 1;
  private static final int MAX_GAP_OFFSET = 10_000;

  private final long gapTimeoutMillis;

  /**
   * @param builder the engine's settings; its lowest global sequence and maximum gap offset must be
   *     Axon's defaults
   * @param gapTimeoutMillis the gap timeout the builder was given
   */
  JdbcStoreEngine(JdbcEventStorageEngine.Builder builder, long gapTimeoutMillis) {
    super(builder);
    this.gapTimeoutMillis = gapTimeoutMillis;
  }

  @Override
  protected TrackedEventData<?> getTrackedEventData(
      ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
    long globalIndex = resultSet.getLong(schema().globalIndexColumn());
    Entry<?> event = entry(resultSet, true);
    boolean gapsMayFill =
        event
            .getTimestamp()
            .isAfter(GenericEventMessage.clock.instant().minusMillis(gapTimeoutMillis));
    GapAwareTrackingToken token;
    if (previousToken == null) {
      SortedSet<Long> gaps = Collections.emptySortedSet();
      if (gapsMayFill) {
        gaps = new TreeSet<>();
        for (long i = Math.min(LOWEST_GLOBAL_SEQUENCE, globalIndex); i < globalIndex; i++) {
          gaps.add(i);
        }
      }
      token = GapAwareTrackingToken.newInstance(globalIndex, gaps);
    } else {
      token = previousToken.advanceTo(globalIndex, gapsMayFill ? MAX_GAP_OFFSET : 0);
    }
    return new TrackedDomainEventData<>(token, event);
  }

  @Override
  protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
    return entry(resultSet, false);
  }

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    AbsentAggregates.appended(events);
    super.appendEvents(events, serializer);
  }

  /**
   * Nothing to read for an aggregate known to have nothing in the store ({@link AbsentAggregates}).
   */
  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    if (AbsentAggregates.absent(aggregateIdentifier)) {
      return List.of();
    }
    return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    if (AbsentAggregates.absent(aggregateIdentifier)) {
      return Stream.empty();
    }
    return super.readSnapshotData(aggregateIdentifier);
  }

  @Override
  public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
    if (AbsentAggregates.absent(aggregateIdentifier)) {
      return Optional.empty();
    }
    return super.lastSequenceNumberFor(aggregateIdentifier);
  }

  /**
   * @param tracked whether the row is read for a processor's stream, where an event stored without
   *     an aggregate carries its own identifier in the aggregate column (Axon reads it as none)
   */
  private Entry<?> entry(ResultSet resultSet, boolean tracked) throws SQLException {
    EventSchema schema = schema();
    String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
    String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
    String timestamp = (String) readTimeStamp(resultSet, schema.timestampColumn());
    return new Entry<>(
        resultSet.getString(schema.typeColumn()),
        tracked && eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
        resultSet.getLong(schema.sequenceNumberColumn()),
        eventIdentifier,
        timestamp,
        resultSet.getString(schema.payloadTypeColumn()),
        resultSet.getString(schema.payloadRevisionColumn()),
        readPayload(resultSet, schema.payloadColumn()),
        readPayload(resultSet, schema.metaDataColumn()));
  }

  /** A stored event whose timestamp was parsed once, when it was read. */
  private static final class Entry<T> extends GenericDomainEventEntry<T> {
    private final Instant timestamp;

    Entry(
        String type,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        String timestamp,
        String payloadType,
        String payloadRevision,
        T payload,
        T metaData) {
      super(
          type,
          aggregateIdentifier,
          sequenceNumber,
          eventIdentifier,
          timestamp,
          payloadType,
          payloadRevision,
          payload,
          metaData);
      this.timestamp = StoredTimestamps.parse(timestamp);
    }

    @Override
    public Instant getTimestamp() {
      return timestamp;
    }
  }
}
