package cymru.calon.query.people;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.person.ProtectedDetails;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's complete record for a subject-access export: every event about them (their own and
 * those of their episodes), their identifying details while they can still be opened, and everyone
 * who viewed or exported their record.
 *
 * @param details empty once the person is forgotten: their key is gone
 * @param forgotten whether the person has been forgotten (erasure)
 * @param entries every event about the person, in the order they happened ({@code occurredAt})
 * @param views the audit trail of reads and exports of the person's data, oldest first
 */
public record PersonRecord(
    PersonId personId,
    OrganisationId organisationId,
    Optional<ProtectedDetails> details,
    boolean forgotten,
    Instant generatedAt,
    List<Entry> entries,
    List<View> views) {
  public PersonRecord {
    Objects.requireNonNull(personId, "personId");
    entries = List.copyOf(entries);
    views = List.copyOf(views);
  }

  /**
   * One event about the person.
   *
   * @param event the domain event itself: a {@code PersonEvent} or an {@code EpisodeEvent} of
   *     commands/api (records of cymru.calon.commands.api.person and ..episode)
   * @param storyText for a {@code StoryShared}, its opened text; empty otherwise or once forgotten
   */
  public record Entry(
      String eventId,
      Instant occurredAt,
      Instant recordedAt,
      Object event,
      Optional<String> storyText) {
    public Entry {
      Objects.requireNonNull(event, "event");
      Objects.requireNonNull(storyText, "storyText");
    }
  }

  /**
   * One read or export of the person's data, from the audit trail.
   *
   * @param viewer the user's name
   * @param role PROVIDER, COMMISSIONER or POLICY
   * @param what e.g. SUBJECT_ACCESS_EXPORT, STORY
   * @param why the purpose given
   */
  public record View(Instant at, String viewer, String role, String what, String why) {}
}
