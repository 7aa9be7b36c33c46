package cymru.calon.projections.batch;

import java.util.Arrays;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The secondary indexes a projection's replay goes without. A reset drops them (never a primary key
 * or a unique index, which the idempotent inserts and the updates by key use) and remembers their
 * definitions in {@code read_model.deferred_index}; once the processor has caught up, they are
 * built again, each in one pass over its finished table ({@code DeferredIndexBuilder} in infra).
 * Keeping them up to date row by row was most of PostgreSQL's work in a replay. Both steps are
 * functions that run as the tables' owner (readmodel migration V20261204_0100).
 */
public final class DeferredIndexes {
  private DeferredIndexes() {}

  /**
   * Drops the secondary indexes of the processing group's tables, to be built again once it has
   * caught up; in the reset's transaction, so a reset that rolls back keeps them.
   *
   * @return how many were dropped (none when an earlier, unfinished replay already had)
   */
  public static int defer(DSLContext db, String processingGroup, Table<?>... tables) {
    String[] names = Arrays.stream(tables).map(Table::getName).toArray(String[]::new);
    Integer dropped =
        db.select(
                DSL.function(
                    DSL.name("read_model", "defer_indexes"),
                    SQLDataType.INTEGER,
                    DSL.val(processingGroup),
                    DSL.val(names)))
            .fetchOne(0, Integer.class);
    return dropped == null ? 0 : dropped;
  }
}
