package cymru.calon.commands.model.access;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.person.AgeBand;
import cymru.calon.commands.api.person.ConsentScope;
import cymru.calon.commands.api.person.ForgetPerson;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.RecordConsent;
import cymru.calon.commands.api.person.RegisterPerson;
import cymru.calon.commands.model.person.PersonFacts;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PersonCommandOwnersTest {
  private static final Instant AT = Instant.parse("2025-05-01T09:00:00Z");
  private final OrganisationId organisation = new OrganisationId(UUID.randomUUID());
  private final PersonId known = new PersonId(UUID.randomUUID());
  private final PersonCommandOwners owners =
      new PersonCommandOwners(
          id ->
              id.equals(known)
                  ? Optional.of(new PersonFacts(known, organisation, null, new TreeMap<>()))
                  : Optional.empty());

  @Test
  void aRegistration_isOwnedByTheOrganisationItNames() {
    OrganisationId named = new OrganisationId(UUID.randomUUID());
    var register =
        new RegisterPerson(
            new PersonId(UUID.randomUUID()),
            named,
            new ProtectedDetails("A", null, null, null),
            "en",
            false,
            AgeBand.AGE_25_34,
            AT);
    assertThat(owners.ownerOf(register)).isEqualTo(CommandOwner.organisation(named));
  }

  @Test
  void consentAndErasure_areOwnedByThePersonsOrganisation_andAnUnknownPersonByNobody() {
    assertThat(owners.ownerOf(new RecordConsent(known, ConsentScope.RESEARCH, true, AT)))
        .isEqualTo(CommandOwner.organisation(organisation));
    assertThat(owners.ownerOf(new ForgetPerson(known, AT)))
        .isEqualTo(CommandOwner.organisation(organisation));
    assertThat(owners.ownerOf(new ForgetPerson(new PersonId(UUID.randomUUID()), AT)))
        .isEqualTo(CommandOwner.organisation(Optional.empty()));
  }
}
