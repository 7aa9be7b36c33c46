package cymru.calon.commands.model.person;

import static cymru.calon.commands.model.rules.Rejections.withCode;
import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.person.AgeBand;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.ConsentScope;
import cymru.calon.commands.api.person.ForgetPerson;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.RecordConsent;
import cymru.calon.commands.api.person.RegisterPerson;
import cymru.calon.commands.api.person.Sealed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PersonTest {
  private final PersonId person = new PersonId(UUID.randomUUID());
  private final OrganisationId organisation = new OrganisationId(UUID.randomUUID());
  private final Instant registeredAt = Instant.parse("2025-03-03T10:00:00Z");
  private final ProtectedDetails details =
      new ProtectedDetails(
          "Gwenllian Test",
          LocalDate.parse("1990-04-01"),
          "07700 900123",
          List.of(new ProtectedDetails.ExternalReference("NHS_NUMBER", "943 476 5919")));

  /** What the sealer was asked to seal: the aggregate must hand it the details, not keep them. */
  private final List<ProtectedDetails> sealed = new ArrayList<>();

  private AggregateTestFixture<Person> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Person.class);
    fixture.registerInjectableResource(
        new PersonalDataSealer() {
          @Override
          public Sealed sealDetails(PersonId personId, ProtectedDetails protectedDetails) {
            sealed.add(protectedDetails);
            return new Sealed("ciphertext-of-" + personId);
          }

          @Override
          public Sealed sealStory(PersonId personId, StoryId storyId, String text) {
            throw new AssertionError("a person's commands tell no story");
          }
        });
  }

  private RegisterPerson register() {
    return new RegisterPerson(
        person, organisation, details, "cy", true, AgeBand.AGE_25_34, registeredAt);
  }

  private PersonRegistered registered() {
    return new PersonRegistered(
        person,
        organisation,
        new Sealed("ciphertext-of-" + person),
        "cy",
        true,
        AgeBand.AGE_25_34,
        registeredAt);
  }

  @Test
  void registerPerson_recordsOnlyTheSealedDetails() {
    fixture.givenNoPriorActivity().when(register()).expectEvents(registered());
    assertThat(sealed).containsExactly(details);
  }

  @Test
  void registerPerson_rejected_whenAlreadyRegistered() {
    fixture
        .given(registered())
        .when(register())
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.PERSON_ALREADY_REGISTERED));
  }

  @Test
  void recordConsent_recordsGrantAndWithdrawal() {
    Instant later = registeredAt.plusSeconds(3600);
    fixture
        .given(registered())
        .when(new RecordConsent(person, ConsentScope.SHARE_STORY_WITH_COMMISSIONERS, false, later))
        .expectEvents(
            new ConsentRecorded(person, ConsentScope.SHARE_STORY_WITH_COMMISSIONERS, false, later));
  }

  @Test
  void recordConsent_rejected_whenPersonUnknown() {
    fixture
        .givenNoPriorActivity()
        .when(new RecordConsent(person, ConsentScope.RESEARCH, true, registeredAt))
        .expectNoEvents()
        .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
  }

  @Test
  void recordConsent_rejected_whenBeforeRegistration() {
    fixture
        .given(registered())
        .when(new RecordConsent(person, ConsentScope.RESEARCH, true, registeredAt.minusSeconds(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_REGISTRATION));
  }

  @Test
  void recordConsent_rejected_whenForgotten() {
    fixture
        .given(registered(), new PersonForgotten(person, registeredAt.plusSeconds(60)))
        .when(new RecordConsent(person, ConsentScope.RESEARCH, true, registeredAt.plusSeconds(120)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.PERSON_FORGOTTEN));
  }

  @Test
  void forgetPerson_recordsErasure() {
    Instant at = registeredAt.plusSeconds(86_400);
    fixture
        .given(registered())
        .when(new ForgetPerson(person, at))
        .expectEvents(new PersonForgotten(person, at));
  }

  @Test
  void forgetPerson_rejected_whenAlreadyForgotten() {
    fixture
        .given(registered(), new PersonForgotten(person, registeredAt.plusSeconds(60)))
        .when(new ForgetPerson(person, registeredAt.plusSeconds(120)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.PERSON_FORGOTTEN));
  }

  @Test
  void forgetPerson_rejected_whenBeforeRegistration() {
    fixture
        .given(registered())
        .when(new ForgetPerson(person, registeredAt.minusSeconds(60)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_REGISTRATION));
  }
}
