package cymru.calon.query.people;

import cymru.calon.query.access.Viewer;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to read the person-level read models: in a transaction that first tells PostgreSQL
 * whose eyes the rows are for, so that row-level security (readmodel V20261202_0120) lets through
 * only the viewer's own organisation's rows (provider staff) or the stories of services they
 * commission (commissioners), whatever the query's own filters say. Policy staff see none.
 */
@Component
public class PersonLevelAccess {
  private final DSLContext db;
  private final TransactionTemplate transactions;

  PersonLevelAccess(DSLContext db, PlatformTransactionManager transactions) {
    this.db = db;
    this.transactions = new TransactionTemplate(transactions);
    this.transactions.setReadOnly(false);
  }

  public <T> T as(Viewer viewer, Supplier<T> work) {
    return transactions.execute(
        status -> {
          switch (viewer.role()) {
            case PROVIDER -> {
              set("calon.scope", "provider");
              set("calon.organisation_id", viewer.organisation().orElseThrow().value().toString());
            }
            case COMMISSIONER -> {
              set("calon.scope", "commissioner");
              set("calon.commissioner_id", viewer.commissioner().orElseThrow().value().toString());
            }
            case POLICY -> set("calon.scope", "policy");
          }
          return work.get();
        });
  }

  private void set(String setting, String value) {
    db.fetch("SELECT set_config(?, ?, true)", setting, value);
  }
}
