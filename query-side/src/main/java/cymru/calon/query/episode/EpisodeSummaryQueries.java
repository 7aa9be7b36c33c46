package cymru.calon.query.episode;

import static cymru.calon.projections.schema.Tables.EPISODE_SUMMARY;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

@Component
class EpisodeSummaryQueries {
  private final DSLContext db;

  EpisodeSummaryQueries(DSLContext db) {
    this.db = db;
  }

  Optional<EpisodeSummary> find(UUID episodeId) {
    return db.selectFrom(EPISODE_SUMMARY)
        .where(EPISODE_SUMMARY.EPISODE_ID.eq(episodeId))
        .fetchOptional(
            r ->
                new EpisodeSummary(
                    r.getEpisodeId(),
                    r.getServiceId(),
                    r.getReferredAt().toInstant(),
                    Optional.ofNullable(r.getFirstContactAt())
                        .map(OffsetDateTime::toInstant)
                        .orElse(null),
                    r.getContactCount(),
                    r.getTotalMinutes()));
  }
}
