package cymru.calon.infra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;

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
 */
public final class SerializedAppends {
  /** The advisory lock key: "calon" in ASCII, unlikely to clash with anything else. */
  static final long APPEND_LOCK_KEY = 0x63616c6f6eL;

  private SerializedAppends() {}

  public static AppendEventsStatementBuilder statement() {
    return (connection, schema, dataType, events, serializer, timestampWriter) -> {
      lock(connection);
      return JdbcEventStorageEngineStatements.appendEvents(
          connection, schema, dataType, events, serializer, timestampWriter);
    };
  }

  private static void lock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, APPEND_LOCK_KEY);
      lock.execute();
    }
  }
}
