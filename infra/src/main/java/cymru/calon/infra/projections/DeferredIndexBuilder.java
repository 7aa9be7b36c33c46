package cymru.calon.infra.projections;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the secondary indexes a projection's reset deferred ({@code DeferredIndexes} in
 * projections) once its replay is over: when this node runs every segment of the processing group
 * and each has caught up with the store. Where a group's segments are spread over several nodes no
 * node sees that, so they are built anyway {@code calon.projections.deferred-indexes.max-wait} (1
 * h) after the reset: the figures are right without them, only slower to compute. Building locks
 * the tables against writes, so the node pauses the processor for it (about 3 s for a million
 * contacts): a processor writing meanwhile could hold one table the build waits for while it waits
 * for another the build holds. Live events wait that long once, after a replay.
 */
@Component
class DeferredIndexBuilder implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(DeferredIndexBuilder.class);

  private final EventProcessingConfiguration processing;
  private final JdbcTemplate jdbc;
  private final Duration interval;
  private final Duration maxWait;
  private ScheduledExecutorService thread;

  DeferredIndexBuilder(
      EventProcessingConfiguration processing,
      JdbcTemplate jdbc,
      @Value("${calon.projections.deferred-indexes.interval:1s}") Duration interval,
      @Value("${calon.projections.deferred-indexes.max-wait:1h}") Duration maxWait) {
    this.processing = processing;
    this.jdbc = jdbc;
    this.interval = interval;
    this.maxWait = maxWait;
  }

  @Override
  public synchronized void start() {
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("calon-deferred-indexes").daemon().unstarted(r));
    thread.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets a build under way finish (and restart its processor) before the processors stop. */
  @Override
  public synchronized void stop() {
    if (thread != null) {
      thread.shutdown();
      try {
        if (!thread.awaitTermination(60, TimeUnit.SECONDS)) {
          thread.shutdownNow();
        }
      } catch (InterruptedException e) {
        thread.shutdownNow();
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  @Override
  public boolean isRunning() {
    return thread != null;
  }

  /** Builds the deferred indexes of every group whose replay is over; returns how many it built. */
  int check() {
    int built = 0;
    try {
      List<Map<String, Object>> groups =
          jdbc.queryForList(
              "SELECT processing_group, min(deferred_at) < now() - make_interval(secs => ?)"
                  + " AS overdue FROM read_model.deferred_index GROUP BY processing_group",
              (double) maxWait.toSeconds());
      for (Map<String, Object> row : groups) {
        String group = (String) row.get("processing_group");
        boolean overdue = Boolean.TRUE.equals(row.get("overdue"));
        var processor = caughtUp(group);
        if (overdue || processor.isPresent()) {
          long start = System.nanoTime();
          processor.ifPresent(StreamingEventProcessor::shutDown);
          Integer count;
          try {
            count =
                jdbc.queryForObject(
                    "SELECT read_model.build_deferred_indexes(?)", Integer.class, group);
          } finally {
            processor.ifPresent(StreamingEventProcessor::start);
          }
          built += count == null ? 0 : count;
          log.info(
              "Built {} deferred indexes of {} in {} ms{}",
              count,
              group,
              (System.nanoTime() - start) / 1_000_000,
              overdue ? " (the replay had not caught up on this node)" : "");
        }
      }
    } catch (RuntimeException e) {
      log.warn("Deferred indexes not built this time; trying again", e);
    }
    return built;
  }

  /** The group's processor if this node runs every segment of it and each has caught up. */
  private Optional<StreamingEventProcessor> caughtUp(String group) {
    var processor = processing.eventProcessor(group, StreamingEventProcessor.class);
    if (processor.isEmpty() || !processor.get().isRunning()) {
      return Optional.empty();
    }
    Map<Integer, EventTrackerStatus> status = processor.get().processingStatus();
    Integer segments =
        jdbc.queryForObject(
            "SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class, group);
    boolean all =
        !status.isEmpty()
            && segments != null
            && status.size() == segments
            && status.values().stream().allMatch(s -> s.isCaughtUp() && s.getError() == null);
    return all ? processor : Optional.empty();
  }
}
