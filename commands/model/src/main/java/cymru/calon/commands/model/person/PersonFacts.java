package cymru.calon.commands.model.person;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What other aggregates may know of a person: their organisation, whether they are forgotten, and
 * their decisions on sharing stories with commissioners (by {@code occurredAt}). No personal data.
 *
 * @param storyConsent granted or withdrawn, by when it was decided
 */
public record PersonFacts(
    PersonId personId,
    OrganisationId organisationId,
    Instant forgottenAt,
    NavigableMap<Instant, Boolean> storyConsent) {
  public PersonFacts {
    storyConsent = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(storyConsent));
  }

  public boolean forgotten() {
    return forgottenAt != null;
  }

  /**
   * Consent to share stories with commissioners is in force for a story told at {@code at}: the
   * person's latest decision up to then granted it, and they have not withdrawn it since.
   */
  public boolean storyConsentInForceAt(Instant at) {
    Map.Entry<Instant, Boolean> then = storyConsent.floorEntry(at);
    Map.Entry<Instant, Boolean> latest = storyConsent.lastEntry();
    return then != null && then.getValue() && latest.getValue();
  }
}
