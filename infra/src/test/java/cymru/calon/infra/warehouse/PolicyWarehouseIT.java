package cymru.calon.infra.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.TestLogins;
import cymru.calon.infra.demo.DemoDataLoader;
import cymru.calon.infra.demo.DemoParameters;
import cymru.calon.infra.integration.IntegrationTopics;
import cymru.calon.infra.integration.PublishedRecords;
import cymru.calon.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The policy warehouse against Calon, through a real KRaft broker in this JVM: a demo history is
 * published while the warehouse consumes it, the broker is stopped mid-stream and started again on
 * the same port and log, and then every event has reached the warehouse once, its read-model tables
 * equal Calon's row for row, and its policy dashboards equal Calon's JSON for several scopes and
 * periods, now and as of an instant in the middle of the history. Redelivered records and records
 * of unknown kinds change nothing; no record carries personal data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyWarehouseIT {
  private static final int PARTITIONS = 3;
  private static final TestPostgres.Database CALON_DATABASE = TestPostgres.newDatabase();
  private static final TestPostgres.Database WAREHOUSE_DATABASE = TestPostgres.newDatabase();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Tables whose rows are only the dashboards' cache fingerprints (positions differ by design). */
  private static final Set<String> POSITIONS_ONLY =
      Set.of("episode_scope_change", "staff_scope_change");

  /** Person-level read models: Calon's alone, by design never in the warehouse. */
  private static final Set<String> PERSON_LEVEL =
      Set.of("person", "person_consent", "person_episode", "shared_story");

  private static final long DEMO_SEED = 11;

  private static EmbeddedKafkaKraftBroker broker;
  private static ConfigurableApplicationContext calon;
  private static ConfigurableApplicationContext warehouse;
  private static Thread brokerRestart;
  private static volatile long appliedAtStop = -1;

  @BeforeAll
  static void start() {
    broker =
        new EmbeddedKafkaKraftBroker(1, PARTITIONS, IntegrationTopics.ALL.toArray(String[]::new));
    broker.afterPropertiesSet();
    List<String> warehouseArguments =
        new ArrayList<>(
            List.of(
                "--calon.mode=policy-warehouse",
                "--spring.datasource.url=" + WAREHOUSE_DATABASE.url(),
                "--spring.datasource.username=" + WAREHOUSE_DATABASE.user(),
                "--spring.datasource.password=" + WAREHOUSE_DATABASE.password(),
                "--server.port=0",
                "--calon.kafka.bootstrap-servers=" + broker.getBrokersAsString()));
    warehouseArguments.addAll(TestLogins.accountArguments());
    warehouse =
        new SpringApplicationBuilder(CalonApplication.class)
            .run(warehouseArguments.toArray(String[]::new));
    // Calon loads its demo history as it starts: the broker is stopped as soon as the warehouse
    // has applied a few hundred of its events, and started again on the same port and log.
    WarehouseStatistics statistics = warehouse.getBean(WarehouseStatistics.class);
    brokerRestart =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    while (statistics.applied() < 300) {
                      Thread.sleep(2);
                    }
                    brokerServer().shutdown();
                    brokerServer().awaitShutdown();
                    appliedAtStop = statistics.applied();
                    Thread.sleep(3_000);
                    brokerServer().startup();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    List<String> calonArguments =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=" + CALON_DATABASE.url(),
                "--spring.datasource.username=" + CALON_DATABASE.user(),
                "--spring.datasource.password=" + CALON_DATABASE.password(),
                "--server.port=0",
                "--calon.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--calon.kafka.delivery-timeout=8s",
                "--calon.kafka.max-block=4s",
                "--calon.demo=true",
                "--calon.demo.episodes=300",
                "--calon.demo.months=6",
                "--calon.demo.seed=" + DEMO_SEED,
                "--calon.demo.end=" + DemoParameters.startOfDay(LocalDate.of(2025, 7, 1))));
    calonArguments.addAll(TestLogins.accountArguments());
    calon =
        new SpringApplicationBuilder(CalonApplication.class)
            .run(calonArguments.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (calon != null) {
      calon.close();
    }
    if (warehouse != null) {
      warehouse.close();
    }
    if (broker != null) {
      broker.destroy();
    }
    System.clearProperty("spring.kafka.bootstrap-servers");
    System.clearProperty("spring.embedded.kafka.brokers");
  }

  @Test
  @Order(1)
  void demoHistory_withBrokerRestartMidStream_reachesTheWarehouseOnce_withCalonsFigures()
      throws Exception {
    long started = System.nanoTime();
    WarehouseStatistics statistics = warehouse.getBean(WarehouseStatistics.class);
    brokerRestart.join(Duration.ofMinutes(2));
    assertThat(brokerRestart.isAlive()).isFalse();
    await()
        .atMost(Duration.ofMinutes(3))
        .until(() -> calon.getBean(DemoDataLoader.class).report().isPresent());
    List<String> stored =
        calonDb()
            .queryForList(
                // a person's own events are never published
                "SELECT event_identifier FROM domain_event_entry WHERE type <> 'Person'"
                    + " ORDER BY global_index",
                String.class);
    assertThat(appliedAtStop).as("the broker stopped mid-stream").isLessThan(stored.size());
    await().atMost(Duration.ofMinutes(3)).until(() -> processed().size() >= stored.size());
    System.out.printf(
        "PolicyWarehouseIT: %d events, %d applied when the broker stopped, all in the warehouse"
            + " after %d ms; %d duplicates dropped%n",
        stored.size(),
        appliedAtStop,
        (System.nanoTime() - started) / 1_000_000,
        statistics.duplicates());

    List<String> processed = processed();
    assertThat(processed).as("every event once").hasSameSizeAs(stored);
    assertThat(new HashSet<>(processed)).isEqualTo(new HashSet<>(stored));
    assertThat(statistics.applied()).isEqualTo(stored.size());

    awaitCalonProjections();
    assertSameTables();

    String middle =
        calonDb()
            .queryForObject(
                "SELECT time_stamp FROM domain_event_entry ORDER BY global_index OFFSET ? LIMIT 1",
                String.class,
                stored.size() / 2);
    List<String> queries =
        List.of(
            "from=2025-01-01&to=2025-07-01",
            "from=2025-04-01&to=2025-07-01&cohort=SANCTUARY",
            "from=2025-02-01&to=2025-05-01&areaCode=W06000015",
            "from=2025-01-01&to=2025-04-01&cohort=HOUSING_SUPPORT",
            "from=2025-01-01&to=2025-07-01&asOf=" + middle,
            "from=2025-03-01&to=2025-07-01&cohort=SUBSTANCE_USE&asOf=" + middle);
    for (String query : queries) {
      JsonNode ofCalon = dashboard(calon, query);
      JsonNode ofWarehouse = dashboard(warehouse, query);
      if (!query.contains("asOf")) {
        ((ObjectNode) ofCalon).remove("asOf");
        ((ObjectNode) ofWarehouse).remove("asOf");
      }
      assertThat(ofWarehouse.get("scope").get("services").asInt())
          .as("services in scope for %s", query)
          .isPositive();
      assertThat(ofWarehouse).as("the policy dashboard for %s", query).isEqualTo(ofCalon);
    }
    assertThat(
            get(warehouse, "/api/v1/policy/dashboard?" + queries.get(4).replace("+", "%2B"))
                .statusCode())
        .isEqualTo(200);
    // The evidence pack too (as of an instant: a pack for "now" names the instant it was made).
    HttpResponse<String> csv = get(warehouse, "/api/v1/policy/dashboard.csv?" + queries.get(5));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body())
        .isEqualTo(get(calon, "/api/v1/policy/dashboard.csv?" + queries.get(5)).body());
  }

  @Test
  @Order(3)
  void redeliveredRecords_andUnknownKinds_changeNothing() {
    WarehouseStatistics statistics = warehouse.getBean(WarehouseStatistics.class);
    Map<String, List<String>> before = tables(warehouseDb());
    long duplicatesBefore = statistics.duplicates();
    long appliedBefore = statistics.applied();
    List<ConsumerRecord<String, String>> published = published();
    List<ConsumerRecord<String, String>> again = published.subList(0, 500);
    try (KafkaProducer<String, String> producer = producer()) {
      for (ConsumerRecord<String, String> record : again) {
        producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()));
      }
      for (String kind : List.of("PersonRegistered", "PersonForgotten")) {
        String episode = UUID.randomUUID().toString();
        producer.send(
            new ProducerRecord<>(
                IntegrationTopics.EPISODE,
                episode,
                "{\"type\":\"%s\",\"schemaVersion\":1,\"eventId\":\"%s\",\"episodeId\":\"%s\"}"
                    .formatted(kind, UUID.randomUUID(), episode)));
      }
      producer.send(new ProducerRecord<>(IntegrationTopics.WORKER, "x", "not JSON at all"));
      producer.flush();
    }
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                statistics.duplicates() >= duplicatesBefore + again.size()
                    && statistics.skippedTotal() >= 3);
    assertThat(statistics.duplicates()).isEqualTo(duplicatesBefore + again.size());
    assertThat(statistics.applied()).isEqualTo(appliedBefore);
    assertThat(statistics.skipped()).containsEntry("PersonRegistered", 1L);
    assertThat(statistics.skipped()).containsEntry("PersonForgotten", 1L);
    assertThat(statistics.skipped()).containsEntry("(no type)", 1L);
    assertThat(tables(warehouseDb())).isEqualTo(before);
    assertThat(get(warehouse, "/actuator/health").body())
        .contains("\"warehouse\":{\"status\":\"UP\"");
  }

  /** Before the next test adds records of its own: every record here is Calon's. */
  @Test
  @Order(2)
  void noPublishedRecordCarriesPersonalData_andTheWarehouseHoldsNone() {
    List<ConsumerRecord<String, String>> published = published();
    assertThat(published).hasSizeGreaterThan(1000);
    for (ConsumerRecord<String, String> record : published) {
      PublishedRecords.assertNoPersonalData(JSON.readTree(record.value()), record.topic());
    }
    assertThat(
            warehouseDb()
                .queryForList("SELECT DISTINCT name FROM read_model.service", String.class))
        .as("service names are not published")
        .containsExactly("");
    assertThat(
            warehouseDb()
                .queryForObject(
                    "SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_name IN ('domain_event_entry', 'command_log')",
                    Long.class))
        .as("no event store in the warehouse")
        .isZero();
  }

  @Test
  @Order(4)
  void theWarehouse_servesThePolicyViewOnly() {
    Map<String, Object> service =
        calonDb()
            .queryForMap(
                "SELECT service_id::text AS service, organisation_id FROM read_model.service LIMIT 1");
    String dashboard =
        "/api/v1/services/" + service.get("service") + "/dashboard?from=2025-01-01&to=2025-07-01";
    assertThat(get(warehouse, dashboard).statusCode()).isEqualTo(404);
    assertThat(
            getAs(
                    calon,
                    dashboard,
                    TestLogins.demoProvider(DEMO_SEED, (UUID) service.get("organisation_id")))
                .statusCode())
        .isEqualTo(200);
    assertThat(get(warehouse, "/services").statusCode()).isEqualTo(404);
    assertThat(get(warehouse, "/policy?from=2025-01-01&to=2025-07-01").statusCode()).isEqualTo(200);
    HttpResponse<String> command =
        send(
            HttpRequest.newBuilder(uri(warehouse, "/api/v1/commands"))
                .header("Content-Type", "application/json")
                .header("Authorization", TestLogins.basic(TestLogins.POLICY))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build());
    assertThat(command.statusCode()).isIn(404, 405);
    assertThat(warehouse.getBeanNamesForType(DemoDataLoader.class)).isEmpty();
    assertThat(warehouse.containsBean("eventStore")).isFalse();
    assertThat(warehouse.containsBean("commandBus")).isFalse();
  }

  /**
   * A record read before the event that creates its episode (as a batch sent again after a broker
   * failure can be) waits, and is applied once its referral arrives.
   */
  @Test
  @Order(5)
  void anEventBeforeItsReferral_waits_andIsAppliedWithIt() {
    WarehouseStatistics statistics = warehouse.getBean(WarehouseStatistics.class);
    List<ConsumerRecord<String, String>> published =
        published().stream().filter(r -> r.topic().equals(IntegrationTopics.EPISODE)).toList();
    ObjectNode referral =
        (ObjectNode)
            published.stream()
                .map(r -> JSON.readTree(r.value()))
                .filter(json -> json.get("type").asString().equals("ReferralReceived"))
                .findFirst()
                .orElseThrow();
    ObjectNode contact =
        (ObjectNode)
            published.stream()
                .map(r -> JSON.readTree(r.value()))
                .filter(json -> json.get("type").asString().equals("ContactRecorded"))
                .findFirst()
                .orElseThrow();
    String episode = UUID.randomUUID().toString();
    String contactId = UUID.randomUUID().toString();
    referral.put("episodeId", episode).put("eventId", UUID.randomUUID().toString());
    contact
        .put("episodeId", episode)
        .put("eventId", UUID.randomUUID().toString())
        .put("contactId", contactId);
    long parkedBefore = statistics.parked();
    long appliedBefore = statistics.applied();
    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(IntegrationTopics.EPISODE, episode, contact.toString()));
      producer.flush();
      await().atMost(Duration.ofMinutes(1)).until(() -> statistics.parked() > parkedBefore);
      assertThat(statistics.applied()).isEqualTo(appliedBefore);
      producer.send(new ProducerRecord<>(IntegrationTopics.EPISODE, episode, referral.toString()));
      producer.flush();
    }
    await().atMost(Duration.ofMinutes(1)).until(() -> statistics.applied() >= appliedBefore + 2);
    assertThat(
            warehouseDb()
                .queryForObject(
                    "SELECT count(*) FROM read_model.contact WHERE contact_id = ?::uuid",
                    Long.class,
                    contactId))
        .isEqualTo(1);
    assertThat(
            warehouseDb().queryForObject("SELECT count(*) FROM warehouse.parked_event", Long.class))
        .isZero();
  }

  private static void assertSameTables() {
    Map<String, List<String>> ofCalon = tables(calonDb());
    Map<String, List<String>> ofWarehouse = tables(warehouseDb());
    assertThat(ofWarehouse.keySet()).isEqualTo(ofCalon.keySet());
    ofCalon.forEach(
        (table, rows) -> {
          assertThat(rows).as("rows of %s", table).isNotEmpty();
          assertThat(ofWarehouse.get(table)).as("rows of %s", table).isEqualTo(rows);
        });
  }

  /**
   * Every projection table's rows as JSON, sorted; the service's name (not published) left out, and
   * the replays' bookkeeping of deferred indexes (empty on both sides) not a projection's.
   */
  private static Map<String, List<String>> tables(JdbcTemplate db) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (String table :
        db.queryForList(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'read_model'"
                + " AND table_name <> 'deferred_index' ORDER BY table_name",
            String.class)) {
      if (POSITIONS_ONLY.contains(table) || PERSON_LEVEL.contains(table)) {
        continue;
      }
      tables.put(
          table,
          db.queryForList(
              "SELECT (to_jsonb(t) - 'name')::text AS r FROM read_model." + table + " t ORDER BY r",
              String.class));
    }
    return tables;
  }

  private static List<String> processed() {
    return warehouseDb()
        .queryForList("SELECT event_id::text FROM warehouse.processed_event", String.class);
  }

  private static void awaitCalonProjections() {
    long head =
        calonDb()
            .queryForObject(
                "SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                calonDb()
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

  private static JdbcTemplate calonDb() {
    return calon.getBean(JdbcTemplate.class);
  }

  private static JdbcTemplate warehouseDb() {
    return warehouse.getBean(JdbcTemplate.class);
  }

  private static JsonNode dashboard(ConfigurableApplicationContext app, String query) {
    HttpResponse<String> response =
        get(app, "/api/v1/policy/dashboard?" + query.replace("+", "%2B"));
    assertThat(response.statusCode()).as("%s", query).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Every record on the three topics, from the beginning. */
  private static List<ConsumerRecord<String, String>> published() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : IntegrationTopics.ALL) {
        for (int p = 0; p < PARTITIONS; p++) {
          partitions.add(new TopicPartition(topic, p));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static KafkaProducer<String, String> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new KafkaProducer<>(config);
  }

  private static kafka.server.BrokerServer brokerServer() {
    return broker.getCluster().brokers().values().iterator().next();
  }

  /** As policy staff: the only role that sees the policy view, in Calon and in the warehouse. */
  private static HttpResponse<String> get(ConfigurableApplicationContext app, String path) {
    return getAs(app, path, TestLogins.basic(TestLogins.POLICY));
  }

  private static HttpResponse<String> getAs(
      ConfigurableApplicationContext app, String path, String authorization) {
    return send(
        HttpRequest.newBuilder(uri(app, path))
            .header("Authorization", authorization)
            .GET()
            .build());
  }

  private static URI uri(ConfigurableApplicationContext app, String path) {
    return URI.create(
        "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + path);
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
