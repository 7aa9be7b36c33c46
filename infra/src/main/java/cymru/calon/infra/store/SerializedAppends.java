package cymru.calon.infra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes commit order equal {@code global_index} order, so a tracking processor can never skip an
 * event.
 *
 * <p>The JDBC engine treats a hole in {@code global_index} as a transaction still in flight, but
 * gives up waiting once the events around it are older than the gap timeout; an event whose
 * transaction commits later than that is never delivered. Here every append first takes one
 * transaction-scoped advisory lock, so the sequence value is drawn under the lock and the lock is
 * released only after commit: a later index can never become visible before an earlier one. The
 * only holes left are from rolled-back appends, which never fill.
 *
 * <p>A transaction that will append many times (a bulk-import batch) can take the lock once, up
 * front, with {@link #lockForTransaction}; its appends then skip the round trip.
 */
public final class SerializedAppends {
  /** The advisory lock key: "calon" in ASCII, unlikely to clash with anything else. */
  static final long APPEND_LOCK_KEY = 0x63616c6f6eL;

  /** Marks the current Spring transaction as holding the lock, by its physical connection. */
  private static final Object HELD_BY = new Object();

  private SerializedAppends() {}

  public static AppendEventsStatementBuilder statement() {
    return (connection, schema, dataType, events, serializer, timestampWriter) -> {
      if (TransactionSynchronizationManager.getResource(HELD_BY)
          != connection.unwrap(Connection.class)) {
        lock(connection);
      }
      return JdbcEventStorageEngineStatements.appendEvents(
          connection, schema, dataType, events, serializer, timestampWriter);
    };
  }

  /**
   * Takes the lock for the rest of the current Spring transaction, whose connection is {@code
   * connection}. Call it outside any savepoint: PostgreSQL releases a lock taken in a savepoint
   * when that savepoint rolls back, and the appends that follow would then go unserialised.
   */
  static void lockForTransaction(Connection connection) throws SQLException {
    lock(connection);
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.bindResource(HELD_BY, connection.unwrap(Connection.class));
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(HELD_BY);
          }
        });
  }

  private static void lock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, APPEND_LOCK_KEY);
      lock.execute();
    }
  }
}
