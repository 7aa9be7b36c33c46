package cymru.calon.query.episode;

import java.time.Instant;
import java.util.UUID;

/** The slice's view of one episode, as served on {@code GET /api/v1/episodes/{episodeId}}. */
public record EpisodeSummary(
    UUID episodeId,
    UUID serviceId,
    Instant referredAt,
    Instant firstContactAt,
    int contactCount,
    int totalMinutes) {}
