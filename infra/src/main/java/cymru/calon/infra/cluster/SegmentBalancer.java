package cymru.calon.infra.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Spreads the tracking processors' segments over the Calons that share one database. Axon's
 * tracking processors claim segments through the token store: a node claims what is unclaimed (or
 * whose claim timed out) and keeps it, so the first node up would otherwise hold every segment
 * while the others idle. Each node renews its row in {@code calon_node}; a node that holds more
 * than its share (segments over live nodes, rounded up) releases one segment at a time, which
 * another node's processor, with a thread to spare, then claims. A stopped node releases its claims
 * and the others take them over within a claim interval; a crashed node's claims are taken over
 * once they time out.
 */
@Component
class SegmentBalancer implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
  private static final Duration LIVE = Duration.ofSeconds(10);

  private final EventProcessingConfiguration processing;
  private final JdbcTemplate jdbc;
  private final String nodeId;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  SegmentBalancer(
      EventProcessingConfiguration processing,
      JdbcTemplate jdbc,
      @Value("${calon.node-id:#{null}}") String nodeId,
      @Value("${calon.cluster.balance-interval:3s}") Duration interval) {
    this.processing = processing;
    this.jdbc = jdbc;
    this.nodeId =
        nodeId == null || nodeId.isBlank()
            ? ManagementFactory.getRuntimeMXBean().getName()
            : nodeId;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("calon-segment-balancer").daemon().unstarted(r));
    scheduler.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
    try {
      jdbc.update("DELETE FROM calon_node WHERE node_id = ?", nodeId);
    } catch (RuntimeException e) {
      log.debug("Could not remove this node's row", e);
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }

  /** Stops before the processors do, so that no segment is released while they shut down. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private void beat() {
    try {
      jdbc.update(
          "INSERT INTO calon_node (node_id, seen_at) VALUES (?, now())"
              + " ON CONFLICT (node_id) DO UPDATE SET seen_at = excluded.seen_at",
          nodeId);
      balance();
    } catch (RuntimeException e) {
      log.debug("Segment balancing skipped", e);
    }
  }

  private void balance() {
    List<TrackingEventProcessor> processors =
        processing.eventProcessors().values().stream()
            .filter(TrackingEventProcessor.class::isInstance)
            .map(TrackingEventProcessor.class::cast)
            .filter(TrackingEventProcessor::isRunning)
            .toList();
    if (processors.isEmpty()) {
      return;
    }
    Integer nodes =
        jdbc.queryForObject(
            "SELECT count(*) FROM calon_node WHERE seen_at > now() - make_interval(secs => ?)",
            Integer.class,
            (double) LIVE.toSeconds());
    Integer segments =
        jdbc.queryForObject(
            "SELECT count(*) FROM token_entry WHERE processor_name = ANY (?)",
            Integer.class,
            (Object)
                processors.stream().map(TrackingEventProcessor::getName).toArray(String[]::new));
    if (nodes == null || nodes < 2 || segments == null) {
      return;
    }
    int share = (segments + nodes - 1) / nodes;
    int held = processors.stream().mapToInt(p -> p.processingStatus().size()).sum();
    if (held <= share) {
      return;
    }
    processors.stream()
        .filter(p -> !p.processingStatus().isEmpty())
        .max(
            Comparator.comparingInt((TrackingEventProcessor p) -> p.processingStatus().size())
                .thenComparing(TrackingEventProcessor::getName))
        .ifPresent(
            p -> {
              int segment =
                  p.processingStatus().keySet().stream().max(Integer::compare).orElseThrow();
              log.info(
                  "Releasing segment {} of {}: this node holds {} of {} segments, {} nodes run",
                  segment,
                  p.getName(),
                  held,
                  segments,
                  nodes);
              p.releaseSegment(segment);
            });
  }
}
