package cymru.calon.infra.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Row-level security does not bind a table's owner or a superuser. Says so loudly at start-up if
 * Calon connects as either (an external PostgreSQL configured with the owner's credentials), so
 * that a data-protection officer is not told of a defence that is not there.
 */
@Component
class RowSecurityCheck implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(RowSecurityCheck.class);

  private final JdbcTemplate jdbc;

  RowSecurityCheck(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    Boolean bypasses =
        jdbc.queryForObject(
            "SELECT r.rolsuper OR r.rolbypassrls OR t.tableowner = current_user"
                + " FROM pg_roles r, pg_tables t"
                + " WHERE r.rolname = current_user"
                + " AND t.schemaname = 'read_model' AND t.tablename = 'person'",
            Boolean.class);
    if (Boolean.TRUE.equals(bypasses)) {
      log.warn(
          "Calon connects to PostgreSQL as a superuser or as the owner of its tables: row-level"
              + " security does not apply to it. Connect as the application role (README,"
              + " \"Running on your own PostgreSQL\").");
    }
  }
}
