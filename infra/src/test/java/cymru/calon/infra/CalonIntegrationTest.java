package cymru.calon.infra;

import static org.awaitility.Awaitility.await;

import cymru.calon.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real PostgreSQL (see {@link TestPostgres}), over real HTTP. All
 * subclasses share one application context and one database.
 */
@SpringBootTest(
    classes = CalonApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
  }

  protected HttpResponse<String> post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  protected HttpResponse<String> postCommand(String json) {
    return post("/api/v1/commands", "application/json", json);
  }

  protected HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
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
