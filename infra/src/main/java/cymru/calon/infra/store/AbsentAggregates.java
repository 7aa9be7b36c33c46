package cymru.calon.infra.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The aggregates a group of commands committed together names that have nothing in the store as the
 * group begins, found with one query for the whole group and known for the rest of its transaction.
 * A command that creates its aggregate if missing ({@code ReceiveReferral}, {@code RegisterPerson})
 * otherwise loads it from the store first, to find nothing: a snapshot query and an event query,
 * and before them the insert of every event the group has appended so far (see {@link
 * GroupedAppendsEngine}), so an import paid three round trips per new episode or person and its
 * groups' events went in in small pieces. The store engines read such an aggregate as empty without
 * asking the database.
 *
 * <p>An aggregate stops being absent as soon as anything appends to it in the transaction, so a
 * second command for it in the group loads the first one's events (from the aggregate cache, or
 * from the store after its waiting events are inserted). The group's transaction holds the append
 * lock and its gate from before the query to its commit, so no other command of this Calon can
 * append meanwhile; another Calon on the same database that does loses on the store's unique
 * sequence key, or this group does, at its commit, and {@code GroupCommit} applies it again one
 * command a transaction, where nothing is known absent.
 */
public final class AbsentAggregates {
  private static final Object KEY = new Object();

  private AbsentAggregates() {}

  /**
   * Finds which of {@code aggregateIdentifiers} have no events and no snapshot in the store, and
   * remembers them for the current transaction (which must be synchronised).
   */
  public static void find(
      JdbcTemplate jdbc, EventSchema schema, Collection<String> aggregateIdentifiers) {
    Set<String> absent = new HashSet<>();
    if (!aggregateIdentifiers.isEmpty()) {
      // One index probe per identifier whatever plan the driver's prepared statement keeps.
      jdbc.query(
          "SELECT t.id FROM unnest(?::varchar[]) AS t(id) WHERE NOT EXISTS (SELECT 1 FROM "
              + schema.domainEventTable()
              + " e WHERE e."
              + schema.aggregateIdentifierColumn()
              + " = t.id) AND NOT EXISTS (SELECT 1 FROM "
              + schema.snapshotTable()
              + " s WHERE s."
              + schema.aggregateIdentifierColumn()
              + " = t.id)",
          row -> {
            absent.add(row.getString(1));
          },
          (Object) aggregateIdentifiers.toArray(String[]::new));
    }
    if (TransactionSynchronizationManager.hasResource(KEY)) {
      TransactionSynchronizationManager.unbindResource(KEY);
    } else {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
            }
          });
    }
    TransactionSynchronizationManager.bindResource(KEY, absent);
  }

  /**
   * Whether the aggregate is known to have nothing in the store and nothing appended in the current
   * transaction. False when nothing is known.
   */
  public static boolean absent(String aggregateIdentifier) {
    @SuppressWarnings("unchecked")
    Set<String> absent = (Set<String>) TransactionSynchronizationManager.getResource(KEY);
    return absent != null && aggregateIdentifier != null && absent.contains(aggregateIdentifier);
  }

  /** The aggregates of {@code events} are no longer absent in the current transaction. */
  static void appended(List<? extends EventMessage<?>> events) {
    @SuppressWarnings("unchecked")
    Set<String> absent = (Set<String>) TransactionSynchronizationManager.getResource(KEY);
    if (absent == null || absent.isEmpty()) {
      return;
    }
    for (EventMessage<?> event : events) {
      if (event instanceof DomainEventMessage<?> domainEvent) {
        absent.remove(domainEvent.getAggregateIdentifier());
      }
    }
  }
}
