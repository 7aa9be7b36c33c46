package cymru.calon.infra.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.GeneratedHistory;
import cymru.calon.infra.TestLogins;
import cymru.calon.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store that already holds events when Kafka is first configured publishes its whole history: the
 * outbox starts from the beginning of the store, not (as Axon's default first token would make a
 * processor that disallows replays do) from the head.
 */
class HistoryPublishedIT {
  private static final TestPostgres.Database DATABASE = TestPostgres.newDatabase();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void eventsStoredBeforeKafkaWasConfigured_arePublished() throws Exception {
    List<String> stored;
    try (ConfigurableApplicationContext calon = calon(null)) {
      String port = calon.getEnvironment().getProperty("local.server.port");
      GeneratedHistory history = new GeneratedHistory(300);
      HttpResponse<String> commissioned =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://localhost:" + port + "/api/v1/commands"))
                      .header("Content-Type", "application/json")
                      .header("Authorization", TestLogins.basic(TestLogins.COMMISSIONER))
                      .POST(HttpRequest.BodyPublishers.ofString(history.commissionService()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(commissioned.statusCode()).as(commissioned.body()).isEqualTo(202);
      HttpResponse<String> imported =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/import"))
                      .header("Content-Type", "application/x-ndjson")
                      .header("Authorization", TestLogins.basic(TestLogins.PROVIDER))
                      .POST(HttpRequest.BodyPublishers.ofInputStream(() -> history))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(imported.body()).contains("\"accepted\":300");
      stored =
          calon
              .getBean(JdbcTemplate.class)
              .queryForList(
                  // a person's own events are never published
                  "SELECT event_identifier FROM domain_event_entry WHERE type <> 'Person'",
                  String.class);
    }
    EmbeddedKafkaKraftBroker broker =
        new EmbeddedKafkaKraftBroker(1, 1, IntegrationTopics.ALL.toArray(String[]::new));
    broker.afterPropertiesSet();
    try (ConfigurableApplicationContext calon = calon(broker.getBrokersAsString())) {
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> published(broker.getBrokersAsString()).containsAll(stored));
      assertThat(published(broker.getBrokersAsString())).hasSameSizeAs(new HashSet<>(stored));
    } finally {
      broker.destroy();
      System.clearProperty("spring.kafka.bootstrap-servers");
      System.clearProperty("spring.embedded.kafka.brokers");
    }
  }

  private static ConfigurableApplicationContext calon(String brokers) {
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=" + DATABASE.url());
    args.add("--spring.datasource.username=" + DATABASE.user());
    args.add("--spring.datasource.password=" + DATABASE.password());
    args.add("--server.port=0");
    args.add("--spring.kafka.bootstrap-servers=");
    args.addAll(TestLogins.accountArguments());
    if (brokers != null) {
      args.add("--calon.kafka.bootstrap-servers=" + brokers);
    }
    return new SpringApplicationBuilder(CalonApplication.class).run(args.toArray(String[]::new));
  }

  private static Set<String> published(String brokers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    Set<String> ids = new HashSet<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          IntegrationTopics.ALL.stream().map(topic -> new TopicPartition(topic, 0)).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(r -> ids.add(JSON.readTree(r.value()).get("eventId").asString()));
      }
    }
    return ids;
  }
}
