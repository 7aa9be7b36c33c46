package cymru.calon.infra;

import static org.awaitility.Awaitility.await;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.query.access.Viewer;
import cymru.calon.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole application on a real PostgreSQL (see {@link TestPostgres}), over real HTTP. All
 * subclasses share one application context and one database.
 *
 * <p>Every request signs in. {@link #get} and {@link #post} are the staff of {@link
 * WireJson#ORGANISATION} ({@link TestLogins#PROVIDER}, HTTP Basic); {@link #postCommand} is whoever
 * may issue the command (its organisation's staff, or the service's commissioner, as a bearer
 * token), so tests of other rules are not refused as {@code FORBIDDEN}. The {@code …As} methods
 * take the {@code Authorization} header to send (or null: nobody signed in).
 */
@SpringBootTest(
    classes = CalonApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestLogins.Tokens.class)
public abstract class CalonIntegrationTest {
  private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::url);
    registry.add("spring.datasource.username", DATABASE::user);
    registry.add("spring.datasource.password", DATABASE::password);
    for (String argument : TestLogins.accountArguments(TestLogins.MATRIX_ACCOUNTS)) {
      int equals = argument.indexOf('=');
      registry.add(argument.substring(2, equals), () -> argument.substring(equals + 1));
    }
  }

  protected static final String DEFAULT_LOGIN = TestLogins.basic(TestLogins.PROVIDER);

  protected HttpResponse<String> post(String path, String contentType, String body) {
    return postAs(DEFAULT_LOGIN, path, contentType, body);
  }

  protected HttpResponse<String> postAs(
      String authorization, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(signed(request, authorization));
  }

  /** The command, issued by whoever may issue it (see {@link #ownerOf}). */
  protected HttpResponse<String> postCommand(String json) {
    return postCommandAs(TestLogins.bearer(ownerOf(json)), json);
  }

  protected HttpResponse<String> postCommandAs(String authorization, String json) {
    return postAs(authorization, "/api/v1/commands", "application/json", json);
  }

  protected HttpResponse<String> get(String path) {
    return getAs(DEFAULT_LOGIN, path);
  }

  protected HttpResponse<String> getAs(String authorization, String path) {
    return send(signed(HttpRequest.newBuilder(uri(path)).GET(), authorization));
  }

  private static HttpRequest signed(HttpRequest.Builder request, String authorization) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request.build();
  }

  /**
   * Who may issue a command given in its wire form, from its fields and the command side's facts
   * (as the access check finds it); the staff of {@link WireJson#ORGANISATION} when nothing tells
   * (a command the access check lets through to be refused for another reason).
   */
  protected Viewer ownerOf(String json) {
    Viewer fallback = Viewer.provider("test", new OrganisationId(WireJson.ORGANISATION));
    JsonNode command;
    try {
      command = OWNER_JSON.readTree(json);
    } catch (RuntimeException e) {
      return fallback;
    }
    String type = command.path("type").asString("");
    UUID owner =
        switch (type) {
          case "CommissionService" -> uuid(command.path("commissionerId"));
          case "VaryServiceContract" ->
              fact(
                  "SELECT commissioner_id FROM service_facts WHERE service_id = ?",
                  command,
                  "serviceId");
          case "RecordWorkerJoined", "RegisterPerson" -> uuid(command.path("organisationId"));
          case "RecordConsent", "ForgetPerson" ->
              fact(
                  "SELECT organisation_id FROM person_facts WHERE person_id = ?",
                  command,
                  "personId");
          case "RecordWorkerLeft", "RecordReflectivePractice" ->
              fact(
                  "SELECT organisation_id FROM worker_facts WHERE worker_id = ?",
                  command,
                  "workerId");
          case "ReceiveReferral" ->
              fact(
                  "SELECT organisation_id FROM service_facts WHERE service_id = ?",
                  command,
                  "serviceId");
          default ->
              fact(
                  "SELECT organisation_id FROM episode_facts WHERE episode_id = ?",
                  command,
                  "episodeId");
        };
    if (owner == null) {
      return fallback;
    }
    return type.equals("CommissionService") || type.equals("VaryServiceContract")
        ? Viewer.commissioner("test", new CommissionerId(owner))
        : Viewer.provider("test", new OrganisationId(owner));
  }

  private static final tools.jackson.databind.json.JsonMapper OWNER_JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private UUID fact(String sql, JsonNode command, String field) {
    UUID id = uuid(command.path(field));
    if (id == null) {
      return null;
    }
    return jdbc.queryForList(sql, UUID.class, id).stream().findFirst().orElse(null);
  }

  private static UUID uuid(JsonNode node) {
    try {
      return node.isString() ? UUID.fromString(node.asString()) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  protected long count(String table) {
    return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
  }

  /** Waits until the projections have processed every stored event. */
  protected void awaitProjections() {
    long head =
        jdbc.queryForObject(
            "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc
                    .queryForList(
                        "SELECT convert_from(token, 'UTF8') FROM token_entry", String.class)
                    .stream()
                    .allMatch(token -> token != null && index(token) >= head));
  }

  private static long index(String token) {
    var matcher = java.util.regex.Pattern.compile("\"index\":(\\d+)").matcher(token);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
