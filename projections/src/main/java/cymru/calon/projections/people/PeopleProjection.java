package cymru.calon.projections.people;

import static cymru.calon.projections.schema.Tables.PERSON;
import static cymru.calon.projections.schema.Tables.PERSON_CONSENT;
import static cymru.calon.projections.schema.Tables.PERSON_EPISODE;
import static cymru.calon.projections.schema.Tables.SHARED_STORY;

import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.ConsentScope;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The person-level read models: people as their provider knows them (no identifying details), their
 * consent decisions, whose episode is whose, and the consented stories still sealed with the
 * person's key. A story row lives only while the person's consent to share stories with
 * commissioners is in force (their latest decision by {@code occurredAt}) and they are not
 * forgotten: a withdrawal or an erasure deletes it, and a replay ends in the same state. Few
 * events, so each handler is one or two idempotent statements.
 */
@Component
@ProcessingGroup(PeopleProjection.PROCESSING_GROUP)
public class PeopleProjection {
  public static final String PROCESSING_GROUP = "people-v1";
  private static final String STORY_SCOPE = ConsentScope.SHARE_STORY_WITH_COMMISSIONERS.name();

  private final DSLContext db;

  public PeopleProjection(DSLContext db) {
    this.db = db;
  }

  @EventHandler
  void on(PersonRegistered event) {
    db.insertInto(PERSON)
        .set(PERSON.PERSON_ID, event.personId().value())
        .set(PERSON.ORGANISATION_ID, event.organisationId().value())
        .set(PERSON.PREFERRED_LANGUAGE, event.preferredLanguage())
        .set(PERSON.INTERPRETER_NEEDED, event.interpreterNeeded())
        .set(PERSON.AGE_BAND, event.ageBand().label())
        .set(PERSON.REGISTERED_AT, utc(event.occurredAt()))
        .onConflictDoNothing()
        .execute();
  }

  @EventHandler
  void on(ConsentRecorded event) {
    UUID person = event.personId().value();
    db.insertInto(PERSON_CONSENT)
        .select(
            DSL.select(
                    DSL.val(person),
                    PERSON.ORGANISATION_ID,
                    DSL.val(event.scope().name()),
                    DSL.val(utc(event.occurredAt())),
                    DSL.val(event.granted()))
                .from(PERSON)
                .where(PERSON.PERSON_ID.eq(person)))
        .onConflict(PERSON_CONSENT.PERSON_ID, PERSON_CONSENT.SCOPE, PERSON_CONSENT.OCCURRED_AT)
        .doUpdate()
        .set(PERSON_CONSENT.GRANTED, event.granted())
        .execute();
    if (event.scope() == ConsentScope.SHARE_STORY_WITH_COMMISSIONERS) {
      db.deleteFrom(SHARED_STORY)
          .where(SHARED_STORY.PERSON_ID.eq(person))
          .and(DSL.not(storyConsentInForce(event.personId())))
          .execute();
    }
  }

  @EventHandler
  void on(PersonForgotten event) {
    UUID person = event.personId().value();
    db.update(PERSON)
        .set(PERSON.FORGOTTEN_AT, utc(event.occurredAt()))
        .where(PERSON.PERSON_ID.eq(person))
        .execute();
    db.deleteFrom(SHARED_STORY).where(SHARED_STORY.PERSON_ID.eq(person)).execute();
  }

  @EventHandler
  void on(ReferralReceived event) {
    db.insertInto(PERSON_EPISODE)
        .select(
            DSL.select(
                    DSL.val(event.episodeId().value()),
                    DSL.val(event.personId().value()),
                    PERSON.ORGANISATION_ID,
                    DSL.val(event.serviceId().value()))
                .from(PERSON)
                .where(PERSON.PERSON_ID.eq(event.personId().value())))
        .onConflictDoNothing()
        .execute();
  }

  @EventHandler
  void on(StoryShared event, @Timestamp Instant recordedAt) {
    var episode = PERSON_EPISODE.as("e");
    db.insertInto(SHARED_STORY)
        .select(
            DSL.select(
                    DSL.val(event.storyId().value()),
                    episode.EPISODE_ID,
                    episode.PERSON_ID,
                    episode.ORGANISATION_ID,
                    episode.SERVICE_ID,
                    DSL.val(utc(event.occurredAt())),
                    DSL.val(utc(recordedAt)),
                    DSL.val(event.language()),
                    DSL.val(event.relationalValues().toArray(Integer[]::new)),
                    DSL.val(event.text().ciphertext()))
                .from(episode)
                .join(PERSON)
                .on(PERSON.PERSON_ID.eq(episode.PERSON_ID))
                .where(episode.EPISODE_ID.eq(event.episodeId().value()))
                .and(PERSON.FORGOTTEN_AT.isNull())
                .and(storyConsentInForce(episode.PERSON_ID)))
        .onConflictDoNothing()
        .execute();
  }

  @ResetHandler
  void reset() {
    db.truncate(SHARED_STORY, PERSON_EPISODE, PERSON_CONSENT, PERSON).execute();
  }

  private static Condition storyConsentInForce(PersonId person) {
    return storyConsentInForce(DSL.val(person.value()));
  }

  /** The person's latest decision (by occurredAt) on sharing stories with commissioners granted. */
  private static Condition storyConsentInForce(org.jooq.Field<UUID> person) {
    var consent = PERSON_CONSENT.as("c");
    return DSL.coalesce(
            DSL.field(
                DSL.select(consent.GRANTED)
                    .from(consent)
                    .where(consent.PERSON_ID.eq(person))
                    .and(consent.SCOPE.eq(STORY_SCOPE))
                    .orderBy(consent.OCCURRED_AT.desc())
                    .limit(1)),
            DSL.inline(false))
        .isTrue();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
