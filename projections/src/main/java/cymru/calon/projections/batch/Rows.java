package cymru.calon.projections.batch;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableRecord;

/** Multi-row inserts that ignore rows already present (a redelivered event inserts nothing). */
public final class Rows {
  /** Keeps each statement well under PostgreSQL's 65,535 bind parameters. */
  private static final int ROWS_PER_STATEMENT = 1_000;

  private Rows() {}

  public static <R extends TableRecord<R>> void insertNew(
      DSLContext db, Table<R> table, List<R> records) {
    for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
      List<R> chunk = records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT));
      db.insertInto(table)
          .columns(table.fields())
          .valuesOfRecords(chunk)
          .onConflictDoNothing()
          .execute();
    }
  }
}
