package cymru.calon.query.episode;

import static cymru.calon.projections.schema.Tables.CONTACT;
import static cymru.calon.projections.schema.Tables.EPISODE;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** One episode's summary, from the episode read models (its row and its contacts). */
@Component
class EpisodeSummaryQueries {
  private final DSLContext db;

  EpisodeSummaryQueries(DSLContext db) {
    this.db = db;
  }

  Optional<EpisodeSummary> find(UUID episodeId) {
    return db.select(
            EPISODE.EPISODE_ID,
            EPISODE.SERVICE_ID,
            EPISODE.REFERRED_AT,
            EPISODE.FIRST_CONTACT_AT,
            DSL.count(CONTACT.CONTACT_ID),
            DSL.coalesce(DSL.sum(CONTACT.MINUTES), DSL.inline(java.math.BigDecimal.ZERO)))
        .from(EPISODE)
        .leftJoin(CONTACT)
        .on(CONTACT.EPISODE_ID.eq(EPISODE.EPISODE_ID))
        .where(EPISODE.EPISODE_ID.eq(episodeId))
        .groupBy(EPISODE.EPISODE_ID)
        .fetchOptional(
            r ->
                new EpisodeSummary(
                    r.value1(),
                    r.value2(),
                    r.value3().toInstant(),
                    Optional.ofNullable(r.value4()).map(OffsetDateTime::toInstant).orElse(null),
                    r.value5(),
                    r.value6().intValue()));
  }
}
