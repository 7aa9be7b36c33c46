package cymru.calon.projections.batch;

import java.util.List;
import org.jooq.BatchBindStep;
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
 * multi-row {@code VALUES}.
 */
public final class Rows {
  private Rows() {}

  public static <R extends TableRecord<R>> void insertNew(
      DSLContext db, Table<R> table, List<R> records) {
    if (records.isEmpty()) {
      return;
    }
    Field<?>[] fields = table.fields();
    Object[] placeholders = new Object[fields.length];
    BatchBindStep batch =
        db.batch(db.insertInto(table).columns(fields).values(placeholders).onConflictDoNothing());
    for (R record : records) {
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        values[i] = record.get(fields[i]);
      }
      batch = batch.bind(values);
    }
    batch.execute();
  }
}
