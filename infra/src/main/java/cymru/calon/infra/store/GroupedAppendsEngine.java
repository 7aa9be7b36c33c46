package cymru.calon.infra.store;

import cymru.calon.query.commands.GroupCommit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The JDBC engine, inserting the events of a group of commands committed together ({@link
 * GroupCommit}) as one batch rather than one per command: a command's events wait in the group's
 * transaction and are inserted together just before it commits, or earlier, as soon as anything
 * reads the store in that transaction (an aggregate not in the cache is loaded from its events,
 * which must then include those its group appended). An aggregate the group found absent from the
 * store as it began ({@link AbsentAggregates}) has none of them, and its load waits for nothing.
 *
 * <p>Nothing else changes: the events are inserted in the order they were appended, in the same
 * transaction, under the append lock the group holds from its start ({@code GroupAppendLock}), and
 * commit with the group's idempotency rows or not at all. A duplicate key (an aggregate appended to
 * elsewhere) now fails the group's commit instead of its command, and {@link GroupCommit} then
 * applies the group's commands again one transaction each, where each append is its own insert.
 */
final class GroupedAppendsEngine extends JdbcStoreEngine {
  private final Object pendingKey = new Object();
  private final BooleanSupplier inGroup;

  /**
   * @param inGroup whether the current thread is applying a command of a group ({@link
   *     GroupCommit#inGroup})
   */
  GroupedAppendsEngine(
      JdbcEventStorageEngine.Builder builder, long gapTimeoutMillis, BooleanSupplier inGroup) {
    super(builder, gapTimeoutMillis);
    this.inGroup = inGroup;
  }

  /** The events appended in the current transaction and not yet inserted. */
  private record Pending(List<EventMessage<?>> events, Serializer serializer) {}

  @Override
  protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
    AbsentAggregates.appended(events);
    if (events.isEmpty()
        || !inGroup.getAsBoolean()
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      // any waiting events of this transaction first, so the order stays the order of appends
      insertWaiting();
      super.appendEvents(events, serializer);
      return;
    }
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(pendingKey);
    if (pending == null || pending.serializer() != serializer) {
      insertWaiting();
      pending = new Pending(new ArrayList<>(), serializer);
      TransactionSynchronizationManager.bindResource(pendingKey, pending);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
              // not flush(): a synchronization has a flush() of its own
              insertWaiting();
            }

            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(pendingKey);
            }
          });
    }
    pending.events().addAll(events);
  }

  /**
   * Before a read of the aggregate: an aggregate known absent ({@link AbsentAggregates}) has none
   * of the waiting events, and is read as empty without a query.
   */
  private void insertWaitingUnlessAbsent(String aggregateIdentifier) {
    if (!AbsentAggregates.absent(aggregateIdentifier)) {
      insertWaiting();
    }
  }

  /** Inserts the current transaction's waiting events, if any. */
  private void insertWaiting() {
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(pendingKey);
    if (pending == null || pending.events().isEmpty()) {
      return;
    }
    List<EventMessage<?>> events = List.copyOf(pending.events());
    pending.events().clear();
    super.appendEvents(events, pending.serializer());
  }

  @Override
  protected List<? extends DomainEventData<?>> fetchDomainEvents(
      String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
    insertWaitingUnlessAbsent(aggregateIdentifier);
    return super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
  }

  @Override
  public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
    insertWaitingUnlessAbsent(aggregateIdentifier);
    return super.lastSequenceNumberFor(aggregateIdentifier);
  }

  @Override
  protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
    insertWaitingUnlessAbsent(aggregateIdentifier);
    return super.readSnapshotData(aggregateIdentifier);
  }

  @Override
  protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
    insertWaiting();
    super.storeSnapshot(snapshot, serializer);
  }

  @Override
  protected List<? extends TrackedEventData<?>> fetchTrackedEvents(
      TrackingToken lastToken, int batchSize) {
    insertWaiting();
    return super.fetchTrackedEvents(lastToken, batchSize);
  }
}
