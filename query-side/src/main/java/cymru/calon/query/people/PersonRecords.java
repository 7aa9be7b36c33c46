package cymru.calon.query.people;

import static cymru.calon.projections.schema.Tables.PERSON;
import static cymru.calon.projections.schema.Tables.PERSON_EPISODE;

import cymru.calon.commands.api.episode.EpisodeEvent;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.person.PersonEvent;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.query.access.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Gathers a person's complete record for a subject-access export: every event of the person and of
 * each of their episodes, straight from the event store, with their sealed details and stories
 * opened while their key exists, and the audit trail of who has looked. Only the staff of the
 * person's own organisation get it: the person row is read under row-level security, so for anyone
 * else the person does not exist. The export is itself recorded in the audit trail, in the same
 * transaction, and is listed in the record it produces.
 */
@Component
public class PersonRecords {
  private final DSLContext db;
  private final PersonLevelAccess access;
  private final EventHistory history;
  private final PersonalData personalData;
  private final AuditTrail audit;
  private final Clock clock;

  PersonRecords(
      DSLContext db,
      PersonLevelAccess access,
      EventHistory history,
      PersonalData personalData,
      AuditTrail audit,
      Clock clock) {
    this.db = db;
    this.access = access;
    this.history = history;
    this.personalData = personalData;
    this.audit = audit;
    this.clock = clock;
  }

  /** Empty when the viewer's organisation has no such person. */
  public Optional<PersonRecord> record(Viewer viewer, PersonId personId, String why) {
    if (viewer.organisation().isEmpty()) {
      return Optional.empty();
    }
    return access.as(
        viewer,
        () -> {
          UUID organisation = viewer.organisation().orElseThrow().value();
          // The application's own filter; row-level security says the same again.
          var person =
              db.selectFrom(PERSON)
                  .where(PERSON.PERSON_ID.eq(personId.value()))
                  .and(PERSON.ORGANISATION_ID.eq(organisation))
                  .fetchOptional();
          if (person.isEmpty()) {
            return Optional.empty();
          }
          audit.record(viewer, List.of(personId), AuditTrail.What.SUBJECT_ACCESS_EXPORT, why);
          List<PersonRecord.Entry> entries = new ArrayList<>();
          Optional<ProtectedDetails> details = Optional.empty();
          // from the store, like the entries: the read model may not have seen the erasure yet
          boolean forgotten = person.get().getForgottenAt() != null;
          for (EventHistory.Recorded event : history.eventsOf(personId.value().toString())) {
            if (event.payload() instanceof PersonEvent personEvent) {
              if (personEvent instanceof PersonRegistered registered) {
                details = personalData.details(personId, registered.protectedDetails());
              }
              forgotten |= personEvent instanceof PersonForgotten;
              entries.add(entry(event, personEvent.occurredAt(), Optional.empty()));
            }
          }
          List<UUID> episodes =
              db.select(PERSON_EPISODE.EPISODE_ID)
                  .from(PERSON_EPISODE)
                  .where(PERSON_EPISODE.PERSON_ID.eq(personId.value()))
                  .and(PERSON_EPISODE.ORGANISATION_ID.eq(organisation))
                  .fetch(PERSON_EPISODE.EPISODE_ID);
          for (UUID episode : episodes) {
            for (EventHistory.Recorded event : history.eventsOf(episode.toString())) {
              if (event.payload() instanceof EpisodeEvent episodeEvent) {
                Optional<String> story =
                    episodeEvent instanceof StoryShared shared
                        ? personalData.story(personId, shared.storyId(), shared.text())
                        : Optional.empty();
                entries.add(entry(event, episodeEvent.occurredAt(), story));
              }
            }
          }
          entries.sort(
              Comparator.comparing(PersonRecord.Entry::occurredAt)
                  .thenComparing(PersonRecord.Entry::recordedAt));
          return Optional.of(
              new PersonRecord(
                  personId,
                  new OrganisationId(person.get().getOrganisationId()),
                  details,
                  forgotten,
                  clock.instant(),
                  entries,
                  audit.viewsOf(personId)));
        });
  }

  private static PersonRecord.Entry entry(
      EventHistory.Recorded event, Instant occurredAt, Optional<String> story) {
    return new PersonRecord.Entry(
        event.eventId(), occurredAt, event.recordedAt(), event.payload(), story);
  }
}
