package cymru.calon.infra.store;

import cymru.calon.testsupport.TestPostgres;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Fresh event stores for the store's own tests. */
final class TestStores {
  private TestStores() {}

  /** A new database on the test server with the store's tables (its Flyway migrations). */
  static DataSource newStore() {
    DataSource dataSource = TestPostgres.newDatabase().dataSource();
    Flyway.configure()
        .placeholders(Map.of("appRole", "calon_app"))
        .dataSource(dataSource)
        .locations("classpath:db/migration/store")
        .load()
        .migrate();
    return dataSource;
  }
}
