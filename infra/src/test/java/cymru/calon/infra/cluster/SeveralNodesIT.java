package cymru.calon.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.GeneratedHistory;
import cymru.calon.infra.TestLogins;
import cymru.calon.projections.figures.EpisodeFiguresProjection;
import cymru.calon.projections.figures.StaffFiguresProjection;
import cymru.calon.testsupport.TestPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Calons on one PostgreSQL: commands go to both (each aggregate's to one node, as a sticky load
 * balancer would send them), one node is stopped mid-stream and started again, and the figures'
 * processors spread their segments over the nodes and take over from the stopped one. Every event
 * is then projected exactly once — each event's handling is recorded in the projection's own
 * transaction (an interceptor), so a batch applied twice would show twice — and a fresh replay of
 * the store gives the same tables, row for row.
 */
class SeveralNodesIT {
  private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> PROCESSORS =
      List.of(EpisodeFiguresProjection.PROCESSING_GROUP, StaffFiguresProjection.PROCESSING_GROUP);
  private static final int LINES = 3_000;

  private static final Map<String, ConfigurableApplicationContext> nodes = new LinkedHashMap<>();

  /** Records, in the projection's transaction, each event a figures processor handled. */
  @Configuration(proxyBeanMethods = false)
  static class HandledEvents {
    @Autowired
    void record(EventProcessingConfigurer processing, JdbcTemplate jdbc) {
      for (String processor : PROCESSORS) {
        MessageHandlerInterceptor<EventMessage<?>> interceptor =
            (unitOfWork, chain) -> {
              jdbc.update(
                  "INSERT INTO test.handled_event (processor, event_id) VALUES (?, ?)",
                  processor,
                  unitOfWork.getMessage().getIdentifier());
              return chain.proceed();
            };
        processing.registerHandlerInterceptor(processor, configuration -> interceptor);
      }
    }
  }

  @AfterAll
  static void stop() {
    nodes.values().forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void twoNodes_oneStoppedAndRestartedMidStream_everyEventProjectedExactlyOnce() throws Exception {
    JdbcTemplate db = new JdbcTemplate(DATABASE.dataSource());
    db.execute(
        "CREATE SCHEMA test; CREATE TABLE test.handled_event (processor TEXT NOT NULL, event_id TEXT NOT NULL)");
    start("node-a");
    start("node-b");
    awaitSpread();

    GeneratedHistory history = new GeneratedHistory(LINES);
    HttpResponse<String> commissioned =
        post("node-b", history.commissionService(), TestLogins.basic(TestLogins.COMMISSIONER));
    assertThat(commissioned.statusCode()).as(commissioned.body()).isEqualTo(202);
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(history, StandardCharsets.UTF_8))) {
      reader.lines().forEach(lines::add);
    }
    Map<String, Integer> sentTo = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (i == lines.size() / 3) {
        nodes.remove("node-a").close();
        awaitSpread(); // node-b has taken over every segment
      }
      if (i == 2 * lines.size() / 3) {
        start("node-a");
      }
      String node = nodeFor(lines.get(i));
      HttpResponse<String> response =
          post(node, lines.get(i), TestLogins.basic(TestLogins.PROVIDER));
      assertThat(response.statusCode()).as("%s on %s: %s", i, node, response.body()).isIn(200, 202);
      assertThat(response.body()).contains("ACCEPTED");
      sentTo.merge(node, 1, Integer::sum);
    }
    assertThat(sentTo.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
    awaitSpread();
    System.out.printf("SeveralNodesIT: commands per node %s; segments %s%n", sentTo, claims(db));

    awaitCaughtUp(db);
    assertExactlyOnce(db);
    Map<String, List<String>> projected = tables(db);

    // A fresh replay on one node: the same rows, each event handled once more.
    nodes.remove("node-a").close();
    db.execute("TRUNCATE test.handled_event");
    EventProcessingConfiguration processing =
        nodes.get("node-b").getBean(EventProcessingConfiguration.class);
    for (String name : PROCESSORS) {
      TrackingEventProcessor processor =
          processing.eventProcessor(name, TrackingEventProcessor.class).orElseThrow();
      processor.shutDown();
      processor.resetTokens();
      processor.start();
    }
    awaitCaughtUp(db);
    await().atMost(Duration.ofMinutes(1)).until(() -> handledCount(db) >= expected(db).size());
    // The replay went without the secondary indexes; they are built once it has caught up.
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                db.queryForObject("SELECT count(*) FROM read_model.deferred_index", Long.class)
                    == 0);
    assertExactlyOnce(db);
    assertThat(tables(db)).isEqualTo(projected);
  }

  private static void start(String node) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + DATABASE.url(),
                "--spring.datasource.username=" + DATABASE.user(),
                "--spring.datasource.password=" + DATABASE.password(),
                "--server.port=0",
                "--calon.node-id=" + node,
                "--calon.cluster.balance-interval=1s",
                "--axon.eventhandling.processors.episode-figures-v1.initial-segment-count=2"));
    arguments.addAll(TestLogins.accountArguments());
    nodes.put(
        node,
        new SpringApplicationBuilder(CalonApplication.class, HandledEvents.class)
            .run(arguments.toArray(String[]::new)));
  }

  /** Each aggregate's commands to one node (the first of its ids), the other while it is down. */
  private static String nodeFor(String line) {
    JsonNode command = JSON.readTree(line);
    String id =
        command.has("episodeId")
            ? command.get("episodeId").asString()
            : command.has("serviceId")
                ? command.get("serviceId").asString()
                : command.has("personId")
                    ? command.get("personId").asString()
                    : command.get("workerId").asString();
    String preferred = (id.hashCode() & 1) == 0 ? "node-a" : "node-b";
    return nodes.containsKey(preferred) ? preferred : nodes.keySet().iterator().next();
  }

  /** Every running node holds segments of the figures' processors, and no other node does. */
  private static void awaitSpread() {
    JdbcTemplate db = new JdbcTemplate(DATABASE.dataSource());
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> new HashSet<>(claims(db).values()).equals(nodes.keySet()));
  }

  private static Map<String, String> claims(JdbcTemplate db) {
    Map<String, String> claims = new LinkedHashMap<>();
    db.query(
        "SELECT processor_name, segment, owner FROM token_entry WHERE owner IS NOT NULL"
            + " ORDER BY processor_name, segment",
        row -> {
          claims.put(row.getString(1) + "/" + row.getInt(2), row.getString(3));
        });
    return claims;
  }

  private static void awaitCaughtUp(JdbcTemplate db) {
    long head =
        db.queryForObject(
            "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    await()
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                db
                    .queryForList(
                        "SELECT convert_from(token, 'UTF8') FROM token_entry"
                            + " WHERE processor_name LIKE '%figures%'",
                        String.class)
                    .stream()
                    .allMatch(token -> token != null && index(token) >= head));
  }

  private static long index(String token) {
    var matcher = java.util.regex.Pattern.compile("\"index\":(\\d+)").matcher(token);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
  }

  /** Every event of the store handled by its processor once, none twice. */
  private static void assertExactlyOnce(JdbcTemplate db) {
    assertThat(
            db.queryForList(
                "SELECT processor || ' ' || event_id FROM test.handled_event"
                    + " GROUP BY processor, event_id HAVING count(*) > 1",
                String.class))
        .as("events handled twice")
        .isEmpty();
    Set<String> handled =
        new HashSet<>(
            db.queryForList(
                "SELECT processor || ' ' || event_id FROM test.handled_event", String.class));
    assertThat(handled).isEqualTo(expected(db));
  }

  private static long handledCount(JdbcTemplate db) {
    return db.queryForObject("SELECT count(*) FROM test.handled_event", Long.class);
  }

  private static Set<String> expected(JdbcTemplate db) {
    Set<String> expected = new HashSet<>();
    db.query(
        // A person's own events are for the people projection only, not the figures'.
        "SELECT type, event_identifier FROM domain_event_entry WHERE type <> 'Person'",
        row -> {
          String processor =
              row.getString(1).equals("SupportEpisode")
                  ? EpisodeFiguresProjection.PROCESSING_GROUP
                  : StaffFiguresProjection.PROCESSING_GROUP;
          expected.add(processor + " " + row.getString(2));
        });
    // every line but the people's registrations (one in six) is an event for the figures
    assertThat(expected).hasSizeGreaterThan(LINES * 4 / 5);
    return expected;
  }

  private static Map<String, List<String>> tables(JdbcTemplate db) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (String table :
        db.queryForList(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'read_model'"
                + " ORDER BY table_name",
            String.class)) {
      tables.put(
          table,
          db.queryForList(
              "SELECT to_jsonb(t)::text AS r FROM read_model." + table + " t ORDER BY r",
              String.class));
    }
    return tables;
  }

  private static HttpResponse<String> post(String node, String command, String authorization)
      throws IOException {
    String port = nodes.get(node).getEnvironment().getProperty("local.server.port");
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/commands"))
              .header("Content-Type", "application/json")
              .header("Authorization", authorization)
              .POST(HttpRequest.BodyPublishers.ofString(command))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
