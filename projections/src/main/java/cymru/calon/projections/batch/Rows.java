package cymru.calon.projections.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * Inserts of many rows that ignore rows already present (a redelivered event inserts nothing).
 *
 * <p>One statement is rendered per table and executed as a JDBC batch with a set of bind values per
 * row: the driver sends them in one round trip, and neither jOOQ nor the driver has to render and
 * parse a statement whose text changes with every batch, which was a third of a replay's time with
 * multi-row {@code VALUES}. jOOQ renders the statement once per table; the rows' values are bound
 * on the JDBC statement directly, because jOOQ's own batch made a bind-value object of every value
 * of every row (over half of the figures projection's CPU under a steady stream of commands).
 */
public final class Rows {
  private static final Map<Table<?>, String> INSERTS = new ConcurrentHashMap<>();

  private Rows() {}

  public static <R extends TableRecord<R>> void insertNew(
      DSLContext db, Table<R> table, List<R> records) {
    if (records.isEmpty()) {
      return;
    }
    Field<?>[] fields = table.fields();
    String sql =
        INSERTS.computeIfAbsent(
            table,
            t ->
                db.render(
                    db.insertInto(table)
                        .columns(fields)
                        .values(new Object[fields.length])
                        .onConflictDoNothing()));
    db.connection(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (R record : records) {
              for (int i = 0; i < fields.length; i++) {
                bind(connection, statement, i + 1, record.get(i));
              }
              statement.addBatch();
            }
            statement.executeBatch();
          }
        });
  }

  /** A value as PostgreSQL's driver takes it; arrays as typed SQL arrays. */
  private static void bind(
      Connection connection, PreparedStatement statement, int index, Object value)
      throws SQLException {
    switch (value) {
      case String[] texts -> statement.setArray(index, connection.createArrayOf("text", texts));
      case Integer[] numbers ->
          statement.setArray(index, connection.createArrayOf("int4", numbers));
      case Short[] numbers -> statement.setArray(index, connection.createArrayOf("int2", numbers));
      case UUID[] ids -> statement.setArray(index, connection.createArrayOf("uuid", ids));
      case Object[] other ->
          throw new IllegalArgumentException(
              "No SQL array type for " + other.getClass().getComponentType().getSimpleName());
      case null, default -> statement.setObject(index, value);
    }
  }
}
