package cymru.calon.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one way tests get a PostgreSQL 17: a Testcontainers container where a Docker engine is
 * available, an embedded server otherwise (as on machines without Docker). Either way one server is
 * started per test JVM and every caller gets a database of its own, so tests never see each other's
 * rows. Set {@code CALON_TEST_POSTGRES=embedded} or {@code =docker} to force a choice.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static Server server;

  private TestPostgres() {}

  /** A new, empty database on the shared test server. */
  public static Database newDatabase() {
    Server s = server();
    String name = "calon_test_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(s.url("postgres"), s.user(), s.password());
        Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return new Database(s.url(name), s.user(), s.password(), s.kind());
  }

  /** A new database holding the read model's tables (its Flyway migrations), for jOOQ. */
  public static DSLContext newReadModel() {
    Database database = newDatabase();
    Flyway.configure()
        .dataSource(database.dataSource())
        .locations("classpath:db/migration/readmodel")
        .load()
        .migrate();
    return DSL.using(database.dataSource(), SQLDialect.POSTGRES);
  }

  private static synchronized Server server() {
    if (server == null) {
      server = useDocker() ? docker() : embedded();
    }
    return server;
  }

  private static boolean useDocker() {
    String forced = System.getenv("CALON_TEST_POSTGRES");
    if (forced != null) {
      return forced.toLowerCase(Locale.ROOT).equals("docker");
    }
    boolean dockerConfigured =
        System.getenv("DOCKER_HOST") != null
            || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
            || java.nio.file.Files.exists(
                java.nio.file.Path.of(
                    System.getProperty("user.home"), ".testcontainers.properties"));
    if (!dockerConfigured) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
  private static Server docker() {
    var container = new PostgreSQLContainer("postgres:17-alpine");
    container.start();
    String base = container.getJdbcUrl();
    String prefix = base.substring(0, base.lastIndexOf('/') + 1);
    return new Server(prefix, container.getUsername(), container.getPassword(), "docker");
  }

  private static Server embedded() {
    try {
      // Tests keep zonky's fast, non-durable defaults; Calon's own store turns durability on.
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      pg.close();
                    } catch (IOException ignored) {
                      // the JVM is exiting; the server's own shutdown is best effort here
                    }
                  }));
      return new Server(
          "jdbc:postgresql://localhost:" + pg.getPort() + "/", "postgres", "postgres", "embedded");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
    }
  }

  private record Server(String urlPrefix, String user, String password, String kind) {
    String url(String database) {
      return urlPrefix + database;
    }
  }

  /** Connection details of one test database. */
  public record Database(String url, String user, String password, String kind) {
    public PGSimpleDataSource dataSource() {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(url);
      ds.setUser(user);
      ds.setPassword(password);
      return ds;
    }
  }
}
