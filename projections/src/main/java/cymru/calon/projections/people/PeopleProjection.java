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
import cymru.calon.projections.batch.BatchWrites;
import cymru.calon.projections.batch.Rows;
import cymru.calon.projections.schema.tables.records.PersonRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.jooq.BatchBindStep;
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
 * events; registrations and referrals are written per batch, the rest one or two idempotent
 * statements each.
 */
@Component
@ProcessingGroup(PeopleProjection.PROCESSING_GROUP)
public class PeopleProjection {
  public static final String PROCESSING_GROUP = "people-v1";
  private static final String STORY_SCOPE = ConsentScope.SHARE_STORY_WITH_COMMISSIONERS.name();

  private final DSLContext db;
  private final BatchWrites<PeopleWrites> writes;

  public PeopleProjection(DSLContext db) {
    this.db = db;
    this.writes = new BatchWrites<>(PeopleWrites.class.getName(), () -> new PeopleWrites(db));
  }

  /** People and whose episode is whose, written as two batched statements per batch of events. */
  static final class PeopleWrites implements BatchWrites.Buffer {
    private final DSLContext db;
    final List<PersonRecord> people = new ArrayList<>();
    final List<Object[]> referrals = new ArrayList<>();

    PeopleWrites(DSLContext db) {
      this.db = db;
    }

    @Override
    public void flush() {
      // people first: a referral takes its organisation from its person's row
      Rows.insertNew(db, PERSON, people);
      people.clear();
      if (!referrals.isEmpty()) {
        BatchBindStep batch =
            db.batch(
                db.insertInto(PERSON_EPISODE)
                    .select(
                        DSL.select(
                                DSL.val((UUID) null),
                                DSL.val((UUID) null),
                                PERSON.ORGANISATION_ID,
                                DSL.val((UUID) null))
                            .from(PERSON)
                            .where(PERSON.PERSON_ID.eq((UUID) null)))
                    .onConflictDoNothing());
        for (Object[] referral : referrals) {
          batch = batch.bind(referral);
        }
        batch.execute();
        referrals.clear();
      }
    }
  }

  /**
   * A registration and a referral, the people's two frequent events, are buffered for the batch
   * ({@link PeopleWrites}); every other handler first writes what is buffered, since it reads those
   * rows.
   */
  @EventHandler
  void on(PersonRegistered event) {
    PersonRecord person = new PersonRecord();
    person.setPersonId(event.personId().value());
    person.setOrganisationId(event.organisationId().value());
    person.setPreferredLanguage(event.preferredLanguage());
    person.setInterpreterNeeded(event.interpreterNeeded());
    person.setAgeBand(event.ageBand().label());
    person.setRegisteredAt(utc(event.occurredAt()));
    writes.add(buffer -> buffer.people.add(person));
  }

  @EventHandler
  void on(ConsentRecorded event) {
    writes.flushPending();
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
    writes.flushPending();
    UUID person = event.personId().value();
    db.update(PERSON)
        .set(PERSON.FORGOTTEN_AT, utc(event.occurredAt()))
        .where(PERSON.PERSON_ID.eq(person))
        .execute();
    db.deleteFrom(SHARED_STORY).where(SHARED_STORY.PERSON_ID.eq(person)).execute();
  }

  @EventHandler
  void on(ReferralReceived event) {
    writes.add(
        buffer ->
            buffer.referrals.add(
                new Object[] {
                  event.episodeId().value(),
                  event.personId().value(),
                  event.serviceId().value(),
                  event.personId().value()
                }));
  }

  @EventHandler
  void on(StoryShared event, @Timestamp Instant recordedAt) {
    writes.flushPending();
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
