package cymru.calon.infra.bench;

import cymru.calon.infra.CalonApplication;
import cymru.calon.infra.demo.DemoDataLoader;
import cymru.calon.infra.demo.DemoParameters;
import cymru.calon.infra.integration.IntegrationTopics;
import cymru.calon.infra.warehouse.WarehouseStatistics;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Integration events and the policy warehouse under the demo load, each on its own durable embedded
 * PostgreSQL, with a KRaft broker in this JVM:
 *
 * <ol>
 *   <li><b>live</b>: Calon loads the demo history ({@code calon.bench.episodes}, default 2,000)
 *       while the outbox publishes and the warehouse applies; reports the rate events were stored
 *       and published at, and each event's lag from its store timestamp to the commit of the
 *       warehouse transaction that applied it (p50, p95, p99, max);
 *   <li><b>publisher catch-up</b>: the outbox's token is removed and Calon restarted, so it
 *       publishes the whole history again as fast as it can (events/s); the warehouse drops every
 *       one of them as a duplicate;
 *   <li><b>warehouse catch-up</b>: a second warehouse, on an empty database of its own, reads both
 *       copies from the start (records/s).
 * </ol>
 *
 * Not part of the test suite; run it with {@code scripts/bench-warehouse}.
 */
class WarehouseBenchmark {
  private static final int EPISODES = Integer.getInteger("calon.bench.episodes", 2_000);
  private static final int PARTITIONS = 3;

  @Test
  void warehouse() throws Exception {
    EmbeddedKafkaKraftBroker broker =
        new EmbeddedKafkaKraftBroker(1, PARTITIONS, IntegrationTopics.ALL.toArray(String[]::new));
    broker.afterPropertiesSet();
    String brokers = broker.getBrokersAsString();
    try (TempDataDir calonDir = new TempDataDir("calon-bench-");
        TempDataDir warehouseDir = new TempDataDir("calon-bench-warehouse-");
        TempDataDir secondDir = new TempDataDir("calon-bench-warehouse2-")) {
      ConfigurableApplicationContext warehouse = warehouse(warehouseDir, brokers, "bench-1");
      WarehouseStatistics statistics = warehouse.getBean(WarehouseStatistics.class);

      // 1. live
      long started = System.nanoTime();
      ConfigurableApplicationContext calon = calon(calonDir, brokers, true);
      JdbcTemplate store = calon.getBean(JdbcTemplate.class);
      waitFor(() -> calon.getBean(DemoDataLoader.class).report().isPresent(), 1_800);
      double loadSeconds =
          calon.getBean(DemoDataLoader.class).report().orElseThrow().took().toNanos() / 1e9;
      long events = store.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
      waitFor(() -> statistics.applied() >= events, 600);
      double firstToLast = (System.nanoTime() - started) / 1e9;
      double storedSeconds =
          store.queryForObject(
              "SELECT extract(epoch FROM max(time_stamp::timestamptz) - min(time_stamp::timestamptz))"
                  + " FROM domain_event_entry",
              Double.class);
      JdbcTemplate warehouseDb = warehouse.getBean(JdbcTemplate.class);
      double publishedSeconds =
          warehouseDb.queryForObject(
              "SELECT extract(epoch FROM max(applied_at) - min(recorded_at))"
                  + " FROM warehouse.processed_event",
              Double.class);
      System.out.printf(
          "BENCH live episodes=%d events=%d load_seconds=%.1f stored_events/s=%.0f"
              + " published_and_applied_events/s=%.0f (first stored to last applied %.1f s)"
              + " lag_ms p50=%.1f p95=%.1f p99=%.1f max=%.1f duplicates=%d%n",
          EPISODES,
          events,
          loadSeconds,
          events / storedSeconds,
          events / publishedSeconds,
          publishedSeconds,
          statistics.lagQuantileMillis(0.50, 0),
          statistics.lagQuantileMillis(0.95, 0),
          statistics.lagQuantileMillis(0.99, 0),
          statistics.lagQuantileMillis(1.0, 0),
          statistics.duplicates());

      // 2. publisher catch-up: the whole history again, as fast as the outbox goes
      calon.close();
      long onTopics = recordsOnTopics(brokers);
      try (ConfigurableApplicationContext offline = calon(calonDir, null, false)) {
        offline
            .getBean(JdbcTemplate.class)
            .update(
                "DELETE FROM token_entry WHERE processor_name = ?",
                IntegrationTopics.PUBLISHER_GROUP);
      }
      long duplicatesBefore = statistics.duplicates();
      long republishStart = System.nanoTime();
      ConfigurableApplicationContext again = calon(calonDir, brokers, false);
      waitFor(() -> recordsOnTopics(brokers) >= onTopics + events, 600);
      double republishSeconds = (System.nanoTime() - republishStart) / 1e9;
      waitFor(() -> statistics.duplicates() >= duplicatesBefore + events, 600);
      System.out.printf(
          "BENCH publisher catch-up events=%d seconds=%.1f events/s=%.0f (from Calon's start);"
              + " warehouse dropped %d duplicates, applied %d%n",
          events,
          republishSeconds,
          events / republishSeconds,
          statistics.duplicates() - duplicatesBefore,
          statistics.applied());
      again.close();

      // 3. warehouse catch-up: a fresh warehouse reads both copies from the start
      long records = recordsOnTopics(brokers);
      long catchUpStart = System.nanoTime();
      try (ConfigurableApplicationContext second = warehouse(secondDir, brokers, "bench-2")) {
        WarehouseStatistics fresh = second.getBean(WarehouseStatistics.class);
        waitFor(() -> fresh.applied() + fresh.duplicates() >= records, 600);
        double seconds = (System.nanoTime() - catchUpStart) / 1e9;
        System.out.printf(
            "BENCH warehouse catch-up records=%d applied=%d duplicates=%d seconds=%.1f"
                + " records/s=%.0f (from the warehouse's start)%n",
            records, fresh.applied(), fresh.duplicates(), seconds, records / seconds);
      }
      warehouse.close();
      System.out.printf("BENCH total seconds=%.0f%n", (System.nanoTime() - started) / 1e9);
    } finally {
      broker.destroy();
      System.clearProperty("spring.kafka.bootstrap-servers");
      System.clearProperty("spring.embedded.kafka.brokers");
    }
  }

  private static ConfigurableApplicationContext calon(
      TempDataDir dir, String brokers, boolean demo) {
    List<String> args = new ArrayList<>();
    args.add("--calon.data-dir=" + dir.path());
    args.add("--server.port=0");
    args.add("--logging.level.root=WARN");
    if (brokers != null) {
      args.add("--calon.kafka.bootstrap-servers=" + brokers);
    } else {
      // The embedded broker names itself in system properties; this Calon must not publish.
      args.add("--spring.kafka.bootstrap-servers=");
    }
    if (demo) {
      LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
      args.add("--calon.demo=true");
      args.add("--calon.demo.episodes=" + EPISODES);
      args.add("--calon.demo.end=" + DemoParameters.startOfDay(today.minusDays(1)));
    }
    return new SpringApplicationBuilder(CalonApplication.class).run(args.toArray(String[]::new));
  }

  private static ConfigurableApplicationContext warehouse(
      TempDataDir dir, String brokers, String group) {
    return new SpringApplicationBuilder(CalonApplication.class)
        .run(
            "--calon.mode=policy-warehouse",
            "--calon.data-dir=" + dir.path(),
            "--server.port=0",
            "--logging.level.root=WARN",
            "--calon.kafka.bootstrap-servers=" + brokers,
            "--calon.warehouse.group-id=" + group);
  }

  private static long recordsOnTopics(String brokers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : IntegrationTopics.ALL) {
        for (int p = 0; p < PARTITIONS; p++) {
          partitions.add(new TopicPartition(topic, p));
        }
      }
      return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
          .mapToLong(Long::longValue)
          .sum();
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + seconds + " s");
      }
      Thread.sleep(100);
    }
  }
}
