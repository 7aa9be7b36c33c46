package cymru.calon.infra.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.GeneratedHistory;
import cymru.calon.infra.TestLogins;
import cymru.calon.infra.demo.DemoDataLoader;
import cymru.calon.infra.demo.DemoParameters;
import cymru.calon.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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

/**
 * The outbox against a real KRaft broker in this JVM: a demo history is published in full, once,
 * keyed and in order, with no personal data; then the broker is stopped in the middle of an import
 * and a new one started on the same port, and every event still arrives. The second test runs on
 * the first one's store and broker port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrationEventsIT {
  private static final int PARTITIONS = 3;
  private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static EmbeddedKafkaKraftBroker broker;
  private static ConfigurableApplicationContext calon;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void start() throws IOException {
    broker =
        new EmbeddedKafkaKraftBroker(1, PARTITIONS, IntegrationTopics.ALL.toArray(String[]::new));
    broker.afterPropertiesSet();
    Instant end = DemoParameters.startOfDay(LocalDate.now(ZoneId.of("Europe/London")).minusDays(1));
    List<String> arguments = new ArrayList<>(TestLogins.accountArguments());
    arguments.addAll(
        List.of(
            "--spring.datasource.url=" + DATABASE.url(),
            "--spring.datasource.username=" + DATABASE.user(),
            "--spring.datasource.password=" + DATABASE.password(),
            "--server.port=0",
            "--calon.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
            "--calon.kafka.delivery-timeout=8s",
            "--calon.kafka.max-block=4s",
            "--calon.demo=true",
            "--calon.demo.episodes=80",
            "--calon.demo.months=6",
            "--calon.demo.seed=6",
            "--calon.demo.end=" + end));
    calon =
        new SpringApplicationBuilder(CalonApplication.class).run(arguments.toArray(String[]::new));
    jdbc = calon.getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() {
    if (calon != null) {
      calon.close();
    }
    if (broker != null) {
      broker.destroy();
    }
    // The embedded broker publishes its address as system properties; left behind, they would
    // switch publishing on (towards a stopped broker) in every Calon started later in this JVM.
    System.clearProperty("spring.kafka.bootstrap-servers");
    System.clearProperty("spring.embedded.kafka.brokers");
  }

  @Test
  @Order(1)
  void demoHistory_isPublishedInFull_once_keyedByEpisode_inOrder_withoutPersonalData() {
    long started = System.nanoTime();
    await()
        .atMost(Duration.ofMinutes(2))
        .until(() -> calon.getBean(DemoDataLoader.class).report().isPresent());
    List<StoredEvent> stored = stored();
    assertThat(stored).hasSizeGreaterThan(500);
    Set<String> kinds = stored.stream().map(StoredEvent::type).collect(Collectors.toSet());
    assertThat(kinds).as("the demo exercises every kind of published event").hasSize(18);

    List<ConsumerRecord<String, String>> records;
    try (Collector collector = new Collector()) {
      collector.awaitEvents(ids(stored), Duration.ofMinutes(2));
      records = collector.records();
    }
    System.out.printf(
        "IntegrationEventsIT: %d events published and consumed in %d ms%n",
        records.size(), (System.nanoTime() - started) / 1_000_000);

    Map<String, Long> timesSeen = timesSeen(records);
    assertThat(timesSeen.keySet()).isEqualTo(ids(stored));
    assertThat(timesSeen.values()).as("each event once").allMatch(n -> n == 1);

    Map<String, StoredEvent> byId =
        stored.stream().collect(Collectors.toMap(StoredEvent::eventId, e -> e));
    for (ConsumerRecord<String, String> record : records) {
      JsonNode json = JSON.readTree(record.value());
      StoredEvent event = byId.get(json.get("eventId").asString());
      assertThat(record.key()).as("keyed by its episode, service or worker").isEqualTo(event.key());
      assertThat(record.topic()).isEqualTo(topicOf(event.aggregateType()));
      assertThat(json.get("type").asString()).isEqualTo(event.type());
      assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
      assertNoPersonalData(json, record);
    }

    // Per key, the order on the topic is the order of the store.
    Map<String, List<String>> publishedPerKey = new LinkedHashMap<>();
    records.stream()
        .sorted(
            java.util.Comparator.<ConsumerRecord<String, String>, String>comparing(
                    ConsumerRecord::topic)
                .thenComparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset))
        .forEach(
            r ->
                publishedPerKey
                    .computeIfAbsent(r.key(), k -> new ArrayList<>())
                    .add(JSON.readTree(r.value()).get("eventId").asString()));
    Map<String, List<String>> storedPerKey =
        stored.stream()
            .collect(
                Collectors.groupingBy(
                    StoredEvent::key,
                    LinkedHashMap::new,
                    Collectors.mapping(StoredEvent::eventId, Collectors.toList())));
    assertThat(publishedPerKey).isEqualTo(storedPerKey);
    assertThat(health()).contains("\"kafka\":{\"status\":\"UP\"");
  }

  @Test
  @Order(2)
  void brokerStoppedMidStream_andRestarted_everyEventStillArrives() throws Exception {
    Set<String> before = ids(stored());
    long started = System.nanoTime();
    AtomicBoolean importDone = new AtomicBoolean();
    try (Collector collector = new Collector()) {
      collector.awaitEvents(before, Duration.ofMinutes(1));
      Thread importer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    GeneratedHistory history = new GeneratedHistory(6_000);
                    post(
                        "/api/v1/commands",
                        "application/json",
                        TestLogins.COMMISSIONER,
                        new java.io.ByteArrayInputStream(
                            history
                                .commissionService()
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    post("/api/v1/import", "application/x-ndjson", TestLogins.PROVIDER, history);
                    importDone.set(true);
                  });
      // Mid-stream: some of the import's events have reached the broker, others not yet.
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> collector.newEventsSeen(before) >= 200);
      brokerServer().shutdown();
      brokerServer().awaitShutdown();
      long publishedBeforeStop = collector.newEventsSeen(before);
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> health().contains("\"kafka\":{\"status\":\"DOWN\""));
      importer.join(Duration.ofMinutes(3).toMillis());
      assertThat(importDone).as("the store takes commands while Kafka is away").isTrue();
      Set<String> expectedNew =
          stored().stream()
              .map(StoredEvent::eventId)
              .filter(id -> !before.contains(id))
              .collect(Collectors.toSet());
      assertThat(publishedBeforeStop).isLessThan(expectedNew.size());

      long restarted = System.nanoTime();
      brokerServer().startup();
      collector.awaitEvents(expectedNew, Duration.ofMinutes(3));
      long caughtUpMillis = (System.nanoTime() - restarted) / 1_000_000;

      Map<String, Long> seen = timesSeen(collector.records());
      Set<String> newSeen =
          seen.keySet().stream().filter(id -> !before.contains(id)).collect(Collectors.toSet());
      assertThat(newSeen).as("no event lost").isEqualTo(expectedNew);
      long duplicates =
          seen.entrySet().stream()
              .filter(e -> !before.contains(e.getKey()))
              .mapToLong(e -> e.getValue() - 1)
              .sum();
      System.out.printf(
          "IntegrationEventsIT: broker stopped mid-stream: %d new events, %d published before the"
              + " stop, all delivered after the restart, %d duplicates; caught up %d ms after the"
              + " broker restarted, %d ms in all%n",
          expectedNew.size(),
          publishedBeforeStop,
          duplicates,
          caughtUpMillis,
          (System.nanoTime() - started) / 1_000_000);
    }
    await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> health().contains("\"kafka\":{\"status\":\"UP\""));
  }

  private static void assertNoPersonalData(JsonNode node, ConsumerRecord<String, String> record) {
    PublishedRecords.assertNoPersonalData(node, record.topic());
  }

  private static Map<String, Long> timesSeen(Collection<ConsumerRecord<String, String>> records) {
    return records.stream()
        .collect(
            Collectors.groupingBy(
                r -> JSON.readTree(r.value()).get("eventId").asString(), Collectors.counting()));
  }

  private static Set<String> ids(List<StoredEvent> events) {
    return events.stream().map(StoredEvent::eventId).collect(Collectors.toSet());
  }

  private static String topicOf(String aggregateType) {
    return switch (aggregateType) {
      case "SupportEpisode" -> IntegrationTopics.EPISODE;
      case "Service" -> IntegrationTopics.SERVICE;
      case "Worker" -> IntegrationTopics.WORKER;
      default -> throw new IllegalArgumentException(aggregateType);
    };
  }

  private record StoredEvent(String eventId, String key, String aggregateType, String type) {}

  /** The stored events that are published: a person's own events never are. */
  private static List<StoredEvent> stored() {
    return jdbc.query(
        "SELECT event_identifier, aggregate_identifier, type, payload_type FROM domain_event_entry"
            + " WHERE type <> 'Person' ORDER BY global_index",
        (row, n) -> {
          String payloadType = row.getString(4);
          return new StoredEvent(
              row.getString(1),
              row.getString(2),
              row.getString(3),
              payloadType.substring(payloadType.lastIndexOf('.') + 1));
        });
  }

  /** The broker process stops (its data stays), then starts again on the same port. */
  private static kafka.server.BrokerServer brokerServer() {
    return broker.getCluster().brokers().values().iterator().next();
  }

  private static String health() {
    return send(
        HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void post(
      String path, String contentType, String account, java.io.InputStream body) {
    send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .header("Authorization", TestLogins.basic(account))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
            .timeout(Duration.ofMinutes(3))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    int port = Integer.parseInt(calon.getEnvironment().getProperty("local.server.port", "8080"));
    return URI.create("http://localhost:" + port + path);
  }

  private static <T> T send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return HTTP.send(request, body).body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Reads every partition of the three topics from the beginning, on a thread of its own. */
  private static final class Collector implements AutoCloseable {
    private final ConcurrentLinkedQueue<ConsumerRecord<String, String>> received =
        new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Collector() {
      Map<String, Object> config = new HashMap<>();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
      config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
      config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
      config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
      List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
      for (String topic : IntegrationTopics.ALL) {
        for (int p = 0; p < PARTITIONS; p++) {
          partitions.add(new org.apache.kafka.common.TopicPartition(topic, p));
        }
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      thread =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try (consumer) {
                      while (running.get()) {
                        consumer.poll(Duration.ofMillis(100)).forEach(received::add);
                      }
                    }
                  });
    }

    void awaitEvents(Set<String> ids, Duration atMost) {
      await().atMost(atMost).until(() -> timesSeen(received).keySet().containsAll(ids));
    }

    long newEventsSeen(Set<String> before) {
      return timesSeen(received).keySet().stream().filter(id -> !before.contains(id)).count();
    }

    List<ConsumerRecord<String, String>> records() {
      return List.copyOf(received);
    }

    @Override
    public void close() {
      running.set(false);
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
