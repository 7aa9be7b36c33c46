package cymru.calon.projections.batch;

import java.util.Map;
import java.util.UUID;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The position of the latest event a projection applied for each scope (a service, an
 * organisation): the dashboards' fingerprint of what they were computed from.
 */
public final class ScopeChanges {
  private ScopeChanges() {}

  /**
   * Moves each scope's position up to the one given (never down), one statement executed with a set
   * of bind values per scope. Pass a sorted map: concurrent segments then lock these shared rows in
   * the same order, never deadlocking.
   */
  public static <R extends Record> void latest(
      DSLContext db,
      Table<R> table,
      TableField<R, UUID> scope,
      TableField<R, Long> position,
      Map<UUID, Long> positions) {
    if (positions.isEmpty()) {
      return;
    }
    BatchBindStep batch =
        db.batch(
            db.insertInto(table)
                .set(scope, (UUID) null)
                .set(position, (Long) null)
                .onConflict(scope)
                .doUpdate()
                .set(position, DSL.greatest(position, DSL.excluded(position))));
    for (var entry : positions.entrySet()) {
      batch = batch.bind(entry.getKey(), entry.getValue());
    }
    batch.execute();
  }
}
