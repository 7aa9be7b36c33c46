package cymru.calon.infra.warehouse;

import cymru.calon.infra.integration.IntegrationEvent;
import cymru.calon.infra.integration.IntegrationEventJson;
import cymru.calon.infra.integration.IntegrationTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the integration topics and applies each poll's records in one warehouse transaction: every
 * new event's id goes into {@code warehouse.processed_event} in the same transaction as its rows,
 * and the offsets are committed to Kafka only after that transaction has. So an event is applied
 * exactly once however often it is delivered — after a failed batch, a broker restart, a rebalance,
 * or the outbox sending it again — and none is lost: what was not committed is read again.
 *
 * <p>A record of a kind this release does not know (a newer Calon's), or with no kind at all, is
 * skipped and counted. A record of a known kind that cannot be read fails its batch, which is
 * retried with back-off: a figure built without it would be silently wrong.
 */
final class WarehouseConsumer implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(WarehouseConsumer.class);
  private static final String INSERT_PROCESSED =
      """
      INSERT INTO warehouse.processed_event
        (event_id, type, recorded_at, topic, partition, "offset")
      SELECT * FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::text[], ?::int[],
                           ?::bigint[])
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id, position
      """;

  private final Map<String, Object> config;
  private final WarehouseProjections projections;
  private final TransactionTemplate transactions;
  private final JdbcTemplate jdbc;
  private final WarehouseStatistics statistics;
  private final Clock clock;
  private final IntegrationEventJson json = new IntegrationEventJson();
  private volatile boolean running;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private Thread thread;

  WarehouseConsumer(
      String bootstrapServers,
      String groupId,
      WarehouseProjections projections,
      TransactionTemplate transactions,
      JdbcTemplate jdbc,
      WarehouseStatistics statistics,
      Clock clock) {
    this.projections = projections;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.statistics = statistics;
    this.clock = clock;
    config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "calon-policy-warehouse");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    // Back quickly after a broker restart.
    config.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
  }

  @Override
  public synchronized void start() {
    running = true;
    consumer = new KafkaConsumer<>(config);
    thread = Thread.ofPlatform().name("calon-warehouse-consumer").start(this::run);
  }

  @Override
  public synchronized void stop() {
    running = false;
    KafkaConsumer<String, byte[]> current = consumer;
    if (current != null) {
      current.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running && thread != null && thread.isAlive();
  }

  private void run() {
    Duration backOff = Duration.ofMillis(500);
    try (KafkaConsumer<String, byte[]> kafka = consumer) {
      kafka.subscribe(IntegrationTopics.ALL);
      while (running) {
        ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(200));
        statistics.behind(behind(kafka));
        if (records.isEmpty()) {
          continue;
        }
        try {
          apply(records);
          backOff = Duration.ofMillis(500);
        } catch (RuntimeException e) {
          statistics.failed(e);
          log.warn("A batch of {} integration events failed; retrying it", records.count(), e);
          rewind(kafka, records);
          sleep(backOff);
          backOff =
              backOff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                  ? Duration.ofSeconds(30)
                  : backOff.multipliedBy(2);
          continue;
        }
        commit(kafka, records);
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (RuntimeException e) {
      statistics.failed(e);
      log.error("The warehouse's consumer stopped", e);
      throw e;
    }
  }

  /**
   * One transaction: the new events' ids, then their rows (written as the unit of work ends). An
   * event whose episode, worker or service is not yet known waits in {@code warehouse.parked_event}
   * and is applied with the event that creates it.
   */
  private void apply(ConsumerRecords<String, byte[]> records) {
    Map<UUID, Arrival> arrivals = new LinkedHashMap<>();
    long known = 0;
    List<String> unknownKinds = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      Optional<IntegrationEvent> event = json.read(record.value());
      if (event.isEmpty()) {
        String type = json.typeOf(record.value());
        unknownKinds.add(type == null ? "(no type)" : type);
        continue;
      }
      known++;
      arrivals.putIfAbsent(
          event.get().eventId(),
          new Arrival(
              event.get(), record.value(), record.topic(), record.partition(), record.offset()));
    }
    if (arrivals.isEmpty()) {
      unknownKinds.forEach(statistics::skipped);
      return;
    }
    List<Instant> appliedRecordedAts = new ArrayList<>();
    long[] parked = {0};
    transactions.executeWithoutResult(
        status -> {
          Set<UUID> created = new HashSet<>();
          for (Arrival arrival : arrivals.values()) {
            if (Aggregates.creates(arrival.event())) {
              created.add(Aggregates.of(arrival.event()));
            }
          }
          Set<UUID> knownBefore = knownAggregates(arrivals.values());
          List<Arrival> now = new ArrayList<>();
          for (Arrival arrival : arrivals.values()) {
            UUID aggregate = Aggregates.of(arrival.event());
            if (Aggregates.creates(arrival.event())
                || created.contains(aggregate)
                || knownBefore.contains(aggregate)) {
              now.add(arrival);
            } else {
              park(arrival);
              parked[0]++;
            }
          }
          UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
          try {
            applyNew(now, appliedRecordedAts);
            applyNew(unpark(created), appliedRecordedAts);
            unitOfWork.commit();
          } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
              unitOfWork.rollback(e);
            }
            throw e;
          }
        });
    unknownKinds.forEach(statistics::skipped);
    statistics.parked(parked[0]);
    statistics.committed(
        appliedRecordedAts.size(),
        Math.max(0, known - appliedRecordedAts.size() - parked[0]),
        clock.instant(),
        appliedRecordedAts);
  }

  private void applyNew(List<Arrival> arrivals, List<Instant> appliedRecordedAts) {
    if (arrivals.isEmpty()) {
      return;
    }
    Map<UUID, Long> positions = recordNew(arrivals);
    for (Arrival arrival : arrivals) {
      Long position = positions.get(arrival.event().eventId());
      if (position != null) {
        projections.apply(arrival.event(), position);
        appliedRecordedAts.add(arrival.event().recordedAt());
      }
    }
  }

  /** The episodes, workers and services among the arrivals' that the warehouse already has. */
  private Set<UUID> knownAggregates(Iterable<Arrival> arrivals) {
    List<UUID> ids = new ArrayList<>();
    for (Arrival arrival : arrivals) {
      ids.add(Aggregates.of(arrival.event()));
    }
    Object array = ids.toArray(UUID[]::new);
    return new HashSet<>(
        jdbc.queryForList(
            """
            SELECT episode_id FROM read_model.episode WHERE episode_id = ANY (?)
            UNION SELECT worker_id FROM read_model.worker WHERE worker_id = ANY (?)
            UNION SELECT service_id FROM read_model.service WHERE service_id = ANY (?)
            """,
            UUID.class,
            array,
            array,
            array));
  }

  private void park(Arrival arrival) {
    jdbc.update(
        "INSERT INTO warehouse.parked_event (event_id, aggregate_id, record, topic, partition,"
            + " \"offset\") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
        arrival.event().eventId(),
        Aggregates.of(arrival.event()),
        arrival.value(),
        arrival.topic(),
        arrival.partition(),
        arrival.offset());
  }

  /** The parked events of aggregates created now, removed from the parking table. */
  private List<Arrival> unpark(Set<UUID> created) {
    if (created.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        "DELETE FROM warehouse.parked_event WHERE aggregate_id = ANY (?)"
            + " RETURNING record, topic, partition, \"offset\", parked_at",
        (row, n) ->
            new Arrival(
                json.read(row.getBytes(1)).orElseThrow(),
                row.getBytes(1),
                row.getString(2),
                row.getInt(3),
                row.getLong(4)),
        (Object) created.toArray(UUID[]::new));
  }

  private Map<UUID, Long> recordNew(Iterable<Arrival> arrivals) {
    List<UUID> ids = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<java.time.OffsetDateTime> recorded = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    List<Integer> partitions = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    for (Arrival arrival : arrivals) {
      ids.add(arrival.event().eventId());
      types.add(arrival.event().getClass().getSimpleName());
      recorded.add(arrival.event().recordedAt().atOffset(ZoneOffset.UTC));
      topics.add(arrival.topic());
      partitions.add(arrival.partition());
      offsets.add(arrival.offset());
    }
    Map<UUID, Long> positions = new HashMap<>();
    jdbc.query(
        connection -> {
          var statement = connection.prepareStatement(INSERT_PROCESSED);
          statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
          statement.setArray(2, connection.createArrayOf("text", types.toArray()));
          statement.setArray(3, connection.createArrayOf("timestamptz", recorded.toArray()));
          statement.setArray(4, connection.createArrayOf("text", topics.toArray()));
          statement.setArray(5, connection.createArrayOf("int4", partitions.toArray()));
          statement.setArray(6, connection.createArrayOf("int8", offsets.toArray()));
          return statement;
        },
        row -> {
          positions.put(row.getObject(1, UUID.class), row.getLong(2));
        });
    return positions;
  }

  private record Arrival(
      IntegrationEvent event, byte[] value, String topic, int partition, long offset) {}

  /**
   * After the warehouse committed. A failed commit (the broker is away) is not retried here: the
   * next batch's commit covers these offsets, and if none comes before a restart the events are
   * read again and dropped as duplicates.
   */
  private void commit(
      KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
      offsets.put(
          partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
    }
    try {
      kafka.commitSync(offsets, Duration.ofSeconds(10));
    } catch (WakeupException e) {
      throw e;
    } catch (RuntimeException e) {
      log.info(
          "Offsets not committed ({}); the events will be dropped if read again", e.toString());
    }
  }

  /** The next poll reads the failed batch again. */
  private static void rewind(
      KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
    for (TopicPartition partition : records.partitions()) {
      if (kafka.assignment().contains(partition)) {
        kafka.seek(partition, records.records(partition).get(0).offset());
      }
    }
  }

  private static long behind(KafkaConsumer<String, byte[]> kafka) {
    long total = 0;
    for (TopicPartition partition : kafka.assignment()) {
      var lag = kafka.currentLag(partition);
      if (lag.isEmpty()) {
        return -1;
      }
      total += lag.getAsLong();
    }
    return total;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
