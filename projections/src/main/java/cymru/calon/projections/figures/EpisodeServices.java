package cymru.calon.projections.figures;

import java.util.Map;
import java.util.UUID;

/**
 * Which service each episode belongs to, remembered from its referral so that fact rows can carry
 * their service without a lookup per event. Bounded (least recently used first out); a miss is
 * answered from the episode table.
 */
final class EpisodeServices {
  private final Map<UUID, UUID> services;

  EpisodeServices(int maxEntries) {
    this.services = LeastRecentlyUsed.map(maxEntries);
  }

  synchronized void remember(UUID episodeId, UUID serviceId) {
    services.put(episodeId, serviceId);
  }

  synchronized UUID get(UUID episodeId) {
    return services.get(episodeId);
  }

  synchronized void clear() {
    services.clear();
  }
}
