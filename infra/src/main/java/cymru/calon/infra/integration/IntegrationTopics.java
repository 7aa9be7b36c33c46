package cymru.calon.infra.integration;

import java.util.List;

/**
 * The topics Calon publishes to, one per kind of thing an event is about, each keyed by that
 * thing's id so that a consumer sees one episode's (service's, worker's) events in order. The
 * version in the name changes only with an incompatible schema, alongside the events' {@code
 * schemaVersion}.
 */
public final class IntegrationTopics {
  public static final String EPISODE = "calon.integration.episode.v1";
  public static final String SERVICE = "calon.integration.service.v1";
  public static final String WORKER = "calon.integration.worker.v1";

  public static final List<String> ALL = List.of(EPISODE, SERVICE, WORKER);

  /** The processing group whose token is the outbox's position in the event store. */
  public static final String PUBLISHER_GROUP = "integration-events-v1";

  private IntegrationTopics() {}
}
