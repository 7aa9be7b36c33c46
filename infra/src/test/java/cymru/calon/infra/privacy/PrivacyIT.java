package cymru.calon.infra.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.TestLogins;
import cymru.calon.infra.WireJson;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5 end to end, on the embedded store exactly as it runs (Calon connecting as the application
 * role, so row-level security binds it): a person with canary details and a canary story; the story
 * shown to the service's commissioner and audited; a subject-access export that is complete and
 * holds nothing of anyone else; row-level security with the application's own filters bypassed;
 * consent withdrawn; then erasure — after which no table (event payloads decoded), no log line and
 * no export holds a canary, the figures are unchanged, nothing more is recorded about the person,
 * and a replay still works.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String CANARY_NAME = "Canary Wynfor-Zebedee 7f3k";
  private static final String CANARY_BIRTH = "1961-07-19";
  private static final String CANARY_NHS = "CANARY-NHS-4411";
  private static final String CANARY_STORY = "Canary story: the kettle sang at midnight 5v8w";
  private static final String OTHER_NAME = "Control Person Q9";
  private static final String OTHER_STORY = "Control story: my worker stayed with me 2m4n";
  private static final List<String> CANARIES =
      List.of(CANARY_NAME, "Wynfor-Zebedee", CANARY_BIRTH, CANARY_NHS, CANARY_STORY, "5v8w");

  private static final String PROVIDER = TestLogins.basic(TestLogins.PROVIDER);
  private static final String COMMISSIONER = TestLogins.basic(TestLogins.COMMISSIONER);
  private static final String OTHER_PROVIDER = TestLogins.basic("provider-b");
  private static final String POLICY = TestLogins.basic(TestLogins.POLICY);

  private final HttpClient http = HttpClient.newHttpClient();
  private final UUID service = UUID.randomUUID();
  private final UUID canary = UUID.randomUUID();
  private final UUID canaryEpisode = UUID.randomUUID();
  private final UUID other = UUID.randomUUID();
  private final UUID otherEpisode = UUID.randomUUID();

  @TempDir Path dataDir;
  private int port;

  @Test
  void erasure_consent_subjectAccess_andRowLevelSecurity(CapturedOutput output) throws Exception {
    List<String> arguments = new ArrayList<>();
    arguments.add("--calon.data-dir=" + dataDir);
    arguments.add("--server.port=0");
    arguments.add("--calon.embedded-postgres.durable=false");
    arguments.addAll(TestLogins.accountArguments(TestLogins.MATRIX_ACCOUNTS));
    try (ConfigurableApplicationContext calon =
        new SpringApplicationBuilder(CalonApplication.class)
            .run(arguments.toArray(String[]::new))) {
      port = Integer.parseInt(calon.getEnvironment().getProperty("local.server.port"));
      JdbcTemplate app = calon.getBean(JdbcTemplate.class);
      JdbcTemplate owner =
          new JdbcTemplate(calon.getBean(EmbeddedPostgres.class).getPostgresDatabase());
      assertThat(app.queryForObject("SELECT current_user", String.class)).isEqualTo("calon_app");

      record(calon);
      String period =
          "from=" + LocalDate.now().minusDays(30) + "&to=" + LocalDate.now().plusDays(1);
      String stories = "/api/v1/services/" + service + "/stories?" + period;

      // The commissioner sees both consented stories, in the people's words; so does the provider.
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                HttpResponse<String> answer = get(COMMISSIONER, stories);
                return answer.statusCode() == 200
                    && texts(JSON.readTree(answer.body())).size() == 2;
              });
      JsonNode shown = json(get(COMMISSIONER, stories), 200);
      assertThat(texts(shown)).containsExactlyInAnyOrder(CANARY_STORY, OTHER_STORY);
      assertThat(texts(json(get(PROVIDER, stories), 200))).hasSize(2);
      assertThat(shown.toString()).doesNotContain(canary.toString(), canaryEpisode.toString());
      assertThat(get(OTHER_PROVIDER, stories).statusCode()).isEqualTo(403);
      assertThat(get(POLICY, stories).statusCode()).isEqualTo(403);

      // Subject access: complete, and nothing about anyone else.
      JsonNode record = json(get(PROVIDER, "/api/v1/people/" + canary + "/record?lang=en"), 200);
      String recordText = record.toString();
      assertThat(recordText).contains(CANARY_NAME, CANARY_NHS, CANARY_STORY);
      assertThat(record.path("events")).hasSize(5);
      assertThat(recordText)
          .doesNotContain(OTHER_NAME, OTHER_STORY, other.toString(), otherEpisode.toString());
      assertThat(record.path("views").toString())
          .contains(TestLogins.COMMISSIONER, "STORY", TestLogins.PROVIDER, "SUBJECT_ACCESS_EXPORT");
      JsonNode welsh = json(get(PROVIDER, "/api/v1/people/" + canary + "/record?lang=cy"), 200);
      assertThat(welsh.path("events")).hasSize(5);
      assertThat(welsh.path("events").get(0).path("description").asString())
          .isNotEqualTo(record.path("events").get(0).path("description").asString());
      HttpResponse<String> pdf = getBytes(PROVIDER, "/api/v1/people/" + canary + "/record.pdf");
      assertThat(pdf.statusCode()).isEqualTo(200);
      assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
      assertThat(get(OTHER_PROVIDER, "/api/v1/people/" + canary + "/record").statusCode())
          .isEqualTo(404);
      assertThat(get(COMMISSIONER, "/api/v1/people/" + canary + "/record").statusCode())
          .isEqualTo(403);

      rowLevelSecurity(calon, app);

      // The audit trail cannot be rewritten by the application.
      long audited = app.queryForObject("SELECT count(*) FROM audit_log", Long.class);
      assertThat(audited).isGreaterThanOrEqualTo(4);
      assertThatThrownBy(() -> app.update("DELETE FROM audit_log"))
          .hasStackTraceContaining("permission denied");
      assertThatThrownBy(() -> app.update("UPDATE audit_log SET why = 'x'"))
          .hasStackTraceContaining("permission denied");
      assertThatThrownBy(() -> owner.update("DELETE FROM audit_log"))
          .hasStackTraceContaining("append-only");
      assertThatThrownBy(() -> app.execute("CREATE TABLE read_model.sneaky (a int)"))
          .hasStackTraceContaining("permission denied");
      // A replay's deferred indexes: dropped and built only by the owner's two functions, which
      // execute only definitions PostgreSQL wrote; the application cannot write one of its own.
      assertThatThrownBy(() -> app.execute("DROP INDEX read_model.check_in_service_idx"))
          .hasStackTraceContaining("must be owner");
      assertThatThrownBy(
              () ->
                  app.update(
                      "INSERT INTO read_model.deferred_index (index_name, processing_group,"
                          + " definition) VALUES ('x', 'privacy-it', 'DROP TABLE audit_log')"))
          .hasStackTraceContaining("permission denied");
      assertThat(
              app.queryForObject(
                  "SELECT read_model.defer_indexes('privacy-it', ARRAY['check_in'])",
                  Integer.class))
          .isEqualTo(2);
      assertThat(
              app.queryForList(
                  "SELECT indexname FROM pg_indexes WHERE tablename = 'check_in'", String.class))
          .containsExactly("check_in_pkey");
      assertThat(
              app.queryForObject(
                  "SELECT read_model.build_deferred_indexes('privacy-it')", Integer.class))
          .isEqualTo(2);
      assertThat(
              app.queryForList(
                  "SELECT indexname FROM pg_indexes WHERE tablename = 'check_in'", String.class))
          .containsExactlyInAnyOrder(
              "check_in_pkey", "check_in_service_idx", "check_in_episode_idx");

      // Consent withdrawn: the other person's story leaves every commissioner view at once.
      accepted(
          PROVIDER,
          """
          {"type":"RecordConsent","commandId":"%s","personId":"%s",
           "scope":"SHARE_STORY_WITH_COMMISSIONERS","granted":false,"occurredAt":"%s"}
          """
              .formatted(UUID.randomUUID(), other, Instant.now().minusSeconds(60)));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> texts(json(get(COMMISSIONER, stories), 200)).equals(List.of(CANARY_STORY)));
      assertThat(owner.queryForObject("SELECT count(*) FROM read_model.shared_story", Long.class))
          .isEqualTo(1);

      String dashboard = "/api/v1/services/" + service + "/dashboard?" + period;
      JsonNode figuresBefore = json(get(PROVIDER, dashboard), 200);

      // Erasure.
      accepted(
          PROVIDER,
          """
          {"type":"ForgetPerson","commandId":"%s","personId":"%s","occurredAt":"%s"}
          """
              .formatted(UUID.randomUUID(), canary, Instant.now().minusSeconds(30)));
      assertThat(
              owner.queryForObject(
                  "SELECT count(*) FROM person_key WHERE person_id = ?", Long.class, canary))
          .isZero();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> texts(json(get(COMMISSIONER, stories), 200)).isEmpty());
      JsonNode erased = json(get(PROVIDER, "/api/v1/people/" + canary + "/record?lang=en"), 200);
      assertThat(erased.path("forgotten").asBoolean()).isTrue();
      assertThat(erased.path("events")).hasSize(6);
      assertNoCanary("the subject-access export after erasure", erased.toString());
      assertThat(getBytes(PROVIDER, "/api/v1/people/" + canary + "/record.pdf").statusCode())
          .isEqualTo(200);
      assertThat(json(get(PROVIDER, dashboard), 200))
          .as("the figures stay true")
          .isEqualTo(figuresBefore);
      assertNoCanary(
          "the CSV evidence pack",
          get(PROVIDER, dashboard.replace("dashboard?", "dashboard.csv?")).body());

      // Nothing more about the person.
      assertThat(
              json(
                      post(
                          PROVIDER,
                          """
                          {"type":"ShareStory","commandId":"%s","episodeId":"%s","storyId":"%s",
                           "text":"more","language":"en","relationalValues":[1],"occurredAt":"%s"}
                          """
                              .formatted(
                                  UUID.randomUUID(),
                                  canaryEpisode,
                                  UUID.randomUUID(),
                                  Instant.now().minusSeconds(10))),
                      409)
                  .path("code")
                  .asString())
          .isEqualTo("PERSON_FORGOTTEN");

      // A replay after erasure still works, and brings back no story of the forgotten person.
      replay(calon, owner);
      assertThat(texts(json(get(COMMISSIONER, stories), 200))).isEmpty();
      assertThat(json(get(PROVIDER, dashboard), 200)).isEqualTo(figuresBefore);

      scanEveryTable(owner);
    }
    assertNoCanary("the log output", output.getAll());
  }

  private void record(ConfigurableApplicationContext calon) throws Exception {
    Instant t = Instant.now().minus(Duration.ofDays(10));
    accepted(COMMISSIONER, WireJson.commissionService(UUID.randomUUID(), service));
    accepted(PROVIDER, WireJson.workerJoined());
    register(canary, CANARY_NAME, CANARY_BIRTH, CANARY_NHS, t);
    register(other, OTHER_NAME, "1990-01-01", "CONTROL-NHS-1", t);
    for (UUID person : List.of(canary, other)) {
      accepted(
          PROVIDER,
          """
          {"type":"RecordConsent","commandId":"%s","personId":"%s",
           "scope":"SHARE_STORY_WITH_COMMISSIONERS","granted":true,"occurredAt":"%s"}
          """
              .formatted(UUID.randomUUID(), person, t.plusSeconds(60)));
    }
    refer(canaryEpisode, canary, t.plusSeconds(3600), CANARY_STORY);
    refer(otherEpisode, other, t.plusSeconds(3600), OTHER_STORY);
  }

  private void register(UUID person, String name, String born, String nhs, Instant at) {
    accepted(
        PROVIDER,
        """
        {"type":"RegisterPerson","commandId":"%s","personId":"%s","organisationId":"%s",
         "protectedDetails":{"name":"%s","dateOfBirth":"%s","contactDetails":"07700 900123",
           "externalReferences":[{"system":"NHS_NUMBER","value":"%s"}]},
         "preferredLanguage":"cy","interpreterNeeded":false,"ageBand":"55-64","occurredAt":"%s"}
        """
            .formatted(UUID.randomUUID(), person, WireJson.ORGANISATION, name, born, nhs, at));
  }

  private void refer(UUID episode, UUID person, Instant at, String story) {
    accepted(
        PROVIDER,
        """
        {"type":"ReceiveReferral","commandId":"%s","episodeId":"%s","personId":"%s",
         "serviceId":"%s","source":"SELF","occurredAt":"%s"}
        """
            .formatted(UUID.randomUUID(), episode, person, service, at));
    accepted(
        PROVIDER,
        WireJson.recordContact(
            UUID.randomUUID(), episode, UUID.randomUUID(), at.plusSeconds(86_400), 50));
    accepted(
        PROVIDER,
        """
        {"type":"ShareStory","commandId":"%s","episodeId":"%s","storyId":"%s","text":"%s",
         "language":"en","relationalValues":[1,8],"occurredAt":"%s"}
        """
            .formatted(
                UUID.randomUUID(), episode, UUID.randomUUID(), story, at.plusSeconds(2 * 86_400)));
  }

  /**
   * With the application's own filters bypassed (no WHERE at all), another organisation's rows stay
   * out.
   */
  private static void rowLevelSecurity(ConfigurableApplicationContext calon, JdbcTemplate app) {
    TransactionTemplate transaction =
        new TransactionTemplate(calon.getBean(PlatformTransactionManager.class));
    List<String> tables = List.of("person", "person_consent", "person_episode", "shared_story");
    for (String table : tables) {
      assertThat(app.queryForObject("SELECT count(*) FROM read_model." + table, Long.class))
          .as("%s, declaring no viewer", table)
          .isZero();
      assertThat(
              countAs(
                  transaction,
                  app,
                  "provider",
                  "calon.organisation_id",
                  WireJson.ORGANISATION,
                  table))
          .as("%s, as its own organisation", table)
          .isPositive();
      assertThat(
              countAs(
                  transaction, app, "provider", "calon.organisation_id", TestLogins.ORG_B, table))
          .as("%s, as another organisation", table)
          .isZero();
    }
    assertThat(
            countAs(
                transaction,
                app,
                "commissioner",
                "calon.commissioner_id",
                TestLogins.COMMISSIONER_B,
                "shared_story"))
        .as("stories, as another commissioner")
        .isZero();
  }

  /** Rows of a table in a transaction that declares its viewer as the application does. */
  private static long countAs(
      TransactionTemplate transaction,
      JdbcTemplate app,
      String scope,
      String setting,
      UUID id,
      String table) {
    return transaction.execute(
        s -> {
          app.queryForObject("SELECT set_config('calon.scope', ?, true)", String.class, scope);
          app.queryForObject("SELECT set_config(?, ?, true)", String.class, setting, id.toString());
          return app.queryForObject("SELECT count(*) FROM read_model." + table, Long.class);
        });
  }

  private static void replay(ConfigurableApplicationContext calon, JdbcTemplate owner) {
    EventProcessingConfiguration processing = calon.getBean(EventProcessingConfiguration.class);
    List<StreamingEventProcessor> processors = new ArrayList<>();
    processing
        .eventProcessors()
        .values()
        .forEach(
            p -> {
              if (p instanceof StreamingEventProcessor streaming && streaming.supportsReset()) {
                processors.add(streaming);
              }
            });
    for (StreamingEventProcessor processor : processors) {
      processor.shutDown();
      processor.resetTokens();
    }
    processors.forEach(StreamingEventProcessor::start);
    long head =
        owner.queryForObject(
            "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                processors.stream()
                    .allMatch(
                        p ->
                            p.processingStatus().values().stream()
                                .allMatch(s -> s.getCurrentPosition().orElse(0) >= head)));
  }

  /** Every column of every table, bytes shown as text (so event payloads are decoded). */
  private static void scanEveryTable(JdbcTemplate owner) {
    List<String> columns =
        owner.queryForList(
            "SELECT table_schema || '.' || table_name || '.' || column_name || '.' || data_type"
                + " FROM information_schema.columns"
                + " WHERE table_schema IN ('public', 'read_model')",
            String.class);
    assertThat(columns).hasSizeGreaterThan(50);
    StringBuilder everything = new StringBuilder();
    for (String column : columns) {
      String[] parts = column.split("\\.", 4);
      String expression =
          parts[3].equals("bytea")
              ? "encode(\"" + parts[2] + "\", 'escape')"
              : "\"" + parts[2] + "\"::text";
      owner
          .queryForList("SELECT " + expression + " FROM " + parts[0] + "." + parts[1], String.class)
          .forEach(value -> everything.append(value).append('\n'));
    }
    assertThat(everything.toString()).contains(canaryEventMarker());
    assertNoCanary("the database", everything.toString());
  }

  /** Something every event payload holds, to show the scan read decoded payloads. */
  private static String canaryEventMarker() {
    return "\"relationalValues\":[1,8]";
  }

  private static void assertNoCanary(String where, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String canary : CANARIES) {
      assertThat(lower)
          .as("%s holds %s", where, canary)
          .doesNotContain(canary.toLowerCase(Locale.ROOT));
    }
  }

  private static List<String> texts(JsonNode stories) {
    List<String> texts = new ArrayList<>();
    stories.path("stories").forEach(s -> texts.add(s.path("text").asString()));
    return texts;
  }

  private void accepted(String login, String command) {
    HttpResponse<String> response = post(login, command);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 202);
  }

  private HttpResponse<String> post(String login, String command) {
    return send(
        HttpRequest.newBuilder(uri("/api/v1/commands"))
            .header("Authorization", login)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(command))
            .build());
  }

  private HttpResponse<String> get(String login, String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", login).GET().build());
  }

  private HttpResponse<String> getBytes(String login, String path) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(uri(path)).header("Authorization", login).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      String body = new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
      return new HttpResponse<>() {
        public int statusCode() {
          return response.statusCode();
        }

        public HttpRequest request() {
          return response.request();
        }

        public java.util.Optional<HttpResponse<String>> previousResponse() {
          return java.util.Optional.empty();
        }

        public java.net.http.HttpHeaders headers() {
          return response.headers();
        }

        public String body() {
          return body;
        }

        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
          return response.sslSession();
        }

        public URI uri() {
          return response.uri();
        }

        public HttpClient.Version version() {
          return response.version();
        }
      };
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
