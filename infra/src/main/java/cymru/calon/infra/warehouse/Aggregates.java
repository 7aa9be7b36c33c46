package cymru.calon.infra.warehouse;

import cymru.calon.infra.integration.EpisodeIntegrationEvent;
import cymru.calon.infra.integration.IntegrationEvent;
import cymru.calon.infra.integration.ServiceIntegrationEvent;
import cymru.calon.infra.integration.WorkerIntegrationEvent;
import java.util.UUID;

/** What an integration event is about, and whether it is the event that creates it. */
final class Aggregates {
  private Aggregates() {}

  static UUID of(IntegrationEvent event) {
    return switch (event) {
      case EpisodeIntegrationEvent e -> e.episodeId().value();
      case ServiceIntegrationEvent e -> e.serviceId().value();
      case WorkerIntegrationEvent e -> e.workerId().value();
    };
  }

  /** The projections need these first: every other event names an episode, worker or service. */
  static boolean creates(IntegrationEvent event) {
    return event instanceof EpisodeIntegrationEvent.ReferralReceived
        || event instanceof ServiceIntegrationEvent.ServiceCommissioned
        || event instanceof WorkerIntegrationEvent.WorkerJoined;
  }
}
