package cymru.calon.infra.projections;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.infra.integration.IntegrationTopics;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

class ProcessorProgressTest {
  private final Map<String, EventProcessor> processors = new LinkedHashMap<>();
  private boolean indexesDeferred;
  private final ProcessorProgress progress =
      new ProcessorProgress(
          fake(
              EventProcessingConfiguration.class,
              Map.of("eventProcessors", () -> Map.copyOf(processors))),
          () -> indexesDeferred);

  @Test
  void behind_whileAnyProjectionSegmentIsCatchingUpOrReplaying_notForThePublisher() {
    processors.put("episode-figures-v1", processor(true, segment(true, false)));
    processors.put("people-v1", processor(true, segment(true, false), segment(true, false)));
    assertThat(progress.behind()).isFalse();

    processors.put("people-v1", processor(true, segment(true, false), segment(false, false)));
    assertThat(progress.behind()).as("a segment catching up").isTrue();

    processors.put("people-v1", processor(true, segment(true, true)));
    assertThat(progress.behind()).as("caught up, but still replaying").isTrue();

    processors.put("people-v1", processor(false, segment(false, false)));
    processors.put(IntegrationTopics.PUBLISHER_GROUP, processor(true, segment(false, false)));
    assertThat(progress.behind()).as("a stopped processor, and the publisher").isFalse();
  }

  @Test
  void behind_whileAReplaysDeferredIndexesAreNotBuilt() {
    processors.put("episode-figures-v1", processor(true, segment(true, false)));
    assertThat(progress.behind()).isFalse();
    indexesDeferred = true;
    assertThat(progress.behind()).as("caught up, indexes still to build").isTrue();
  }

  private static StreamingEventProcessor processor(
      boolean running, EventTrackerStatus... segments) {
    Map<Integer, EventTrackerStatus> status = new LinkedHashMap<>();
    for (int i = 0; i < segments.length; i++) {
      status.put(i, segments[i]);
    }
    return fake(
        StreamingEventProcessor.class,
        Map.of("isRunning", () -> running, "processingStatus", () -> status));
  }

  private static EventTrackerStatus segment(boolean caughtUp, boolean replaying) {
    return fake(
        EventTrackerStatus.class,
        Map.of("isCaughtUp", () -> caughtUp, "isReplaying", () -> replaying));
  }

  /** An implementation answering only the named methods (Axon's interfaces are large). */
  @SuppressWarnings("unchecked")
  private static <T> T fake(
      Class<T> type, Map<String, java.util.function.Supplier<Object>> answers) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              var answer = answers.get(method.getName());
              if (answer == null) {
                throw new UnsupportedOperationException(method.getName());
              }
              return answer.get();
            });
  }
}
