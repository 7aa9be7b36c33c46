package cymru.calon.infra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.TestLogins;
import cymru.calon.infra.WireJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The default mode: no data source configured, so Calon runs its own durable PostgreSQL in {@code
 * calon.data-dir}, stops it on shutdown, and finds its data again after a restart.
 */
class EmbeddedPostgresIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void embeddedStore_isDurable_stopsWithTheApplication_andSurvivesRestart() throws Exception {
    UUID serviceId = UUID.randomUUID();
    UUID episodeId = UUID.randomUUID();
    String before;

    try (ConfigurableApplicationContext calon = start()) {
      // Server settings are the owner's to read; Calon's own role may not.
      JdbcTemplate jdbc =
          new JdbcTemplate(
              calon
                  .getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class)
                  .getPostgresDatabase());
      assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
      assertThat(jdbc.queryForObject("SHOW data_directory", String.class))
          .isEqualTo(dataDir.resolve("postgres").toAbsolutePath().toString());

      int port = port(calon);
      assertThat(post(port, WireJson.commissionService(UUID.randomUUID(), serviceId)))
          .isEqualTo(202);
      assertThat(post(port, WireJson.registerPerson())).isEqualTo(202);
      assertThat(post(port, WireJson.receiveReferral(UUID.randomUUID(), episodeId, serviceId)))
          .isEqualTo(202);
      assertThat(post(port, WireJson.workerJoined())).isEqualTo(202);
      assertThat(
              post(
                  port,
                  WireJson.recordContact(
                      UUID.randomUUID(),
                      episodeId,
                      UUID.randomUUID(),
                      Instant.parse("2025-05-02T10:00:00Z"),
                      40)))
          .isEqualTo(202);
      before = awaitEpisode(port, episodeId);
    }
    assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

    try (ConfigurableApplicationContext calon = start()) {
      assertThat(awaitEpisode(port(calon), episodeId)).isEqualTo(before);
    }
  }

  private ConfigurableApplicationContext start() {
    List<String> arguments = new ArrayList<>(TestLogins.accountArguments());
    arguments.add("--calon.data-dir=" + dataDir);
    arguments.add("--server.port=0");
    return new SpringApplicationBuilder(CalonApplication.class)
        .run(arguments.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext calon) {
    return Integer.parseInt(calon.getEnvironment().getProperty("local.server.port"));
  }

  /** As the commissioner for a commission, as the organisation's staff for everything else. */
  private int post(int port, String command) throws Exception {
    String login =
        command.contains("\"CommissionService\"") ? TestLogins.COMMISSIONER : TestLogins.PROVIDER;
    return http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/commands"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestLogins.basic(login))
                .POST(HttpRequest.BodyPublishers.ofString(command))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private String awaitEpisode(int port, UUID episodeId) {
    var request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/episodes/" + episodeId))
            .header("Authorization", TestLogins.basic(TestLogins.PROVIDER))
            .build();
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> http.send(request, HttpResponse.BodyHandlers.ofString()),
            response ->
                response.statusCode() == 200 && response.body().contains("\"contactCount\":1"))
        .body();
  }
}
