package cymru.calon.projections.episode;

import static cymru.calon.projections.schema.Tables.EPISODE_SUMMARY;

import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ReferralReceived;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * One row per episode: referral time, first attended contact, contact count and minutes. Every
 * handler is a single idempotent statement; updates are guarded by the event's sequence number, so
 * a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(EpisodeSummaryProjection.PROCESSING_GROUP)
class EpisodeSummaryProjection {
  static final String PROCESSING_GROUP = "episode-summary-v1";

  private final DSLContext db;

  EpisodeSummaryProjection(DSLContext db) {
    this.db = db;
  }

  @EventHandler
  void on(ReferralReceived event, @SequenceNumber long sequence) {
    db.insertInto(EPISODE_SUMMARY)
        .set(EPISODE_SUMMARY.EPISODE_ID, event.episodeId().value())
        .set(EPISODE_SUMMARY.SERVICE_ID, event.serviceId().value())
        .set(EPISODE_SUMMARY.REFERRED_AT, event.occurredAt().atOffset(ZoneOffset.UTC))
        .set(EPISODE_SUMMARY.LAST_SEQUENCE, sequence)
        .onConflict(EPISODE_SUMMARY.EPISODE_ID)
        .doNothing()
        .execute();
  }

  @EventHandler
  void on(ContactRecorded event, @SequenceNumber long sequence) {
    var occurredAt = event.occurredAt().atOffset(ZoneOffset.UTC);
    db.update(EPISODE_SUMMARY)
        .set(EPISODE_SUMMARY.CONTACT_COUNT, EPISODE_SUMMARY.CONTACT_COUNT.plus(1))
        .set(EPISODE_SUMMARY.TOTAL_MINUTES, EPISODE_SUMMARY.TOTAL_MINUTES.plus(event.minutes()))
        // Contacts are often recorded late and out of order: the first contact is the earliest.
        .set(
            EPISODE_SUMMARY.FIRST_CONTACT_AT,
            DSL.coalesce(
                DSL.least(EPISODE_SUMMARY.FIRST_CONTACT_AT, DSL.val(occurredAt)),
                DSL.val(occurredAt)))
        .set(EPISODE_SUMMARY.LAST_SEQUENCE, sequence)
        .where(EPISODE_SUMMARY.EPISODE_ID.eq(event.episodeId().value()))
        .and(EPISODE_SUMMARY.LAST_SEQUENCE.lt(sequence))
        .execute();
  }

  @ResetHandler
  void reset() {
    db.truncate(EPISODE_SUMMARY).execute();
  }
}
