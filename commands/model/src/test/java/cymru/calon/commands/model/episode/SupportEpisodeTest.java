package cymru.calon.commands.model.episode;

import static cymru.calon.commands.model.rules.Rejections.withCode;

import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.model.service.ServiceFacts;
import cymru.calon.commands.model.service.ServiceLookup;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SupportEpisodeTest {
  private final EpisodeId episode = new EpisodeId(UUID.randomUUID());
  private final PersonId person = new PersonId(UUID.randomUUID());
  private final ServiceId service = new ServiceId(UUID.randomUUID());
  private final ServiceId unknownService = new ServiceId(UUID.randomUUID());
  private final ContactId contact = new ContactId(UUID.randomUUID());
  private final WorkerId worker = new WorkerId(UUID.randomUUID());
  private final Instant referredAt = Instant.parse("2025-05-01T09:00:00Z");
  private AggregateTestFixture<SupportEpisode> fixture;

  @BeforeEach
  void setUp() {
    ServiceLookup services =
        id ->
            id.equals(service)
                ? Optional.of(new ServiceFacts(service, new OrganisationId(UUID.randomUUID())))
                : Optional.empty();
    fixture = new AggregateTestFixture<>(SupportEpisode.class);
    fixture.registerInjectableResource(services);
  }

  @Test
  void receiveReferral_opensEpisode() {
    fixture
        .givenNoPriorActivity()
        .when(new ReceiveReferral(episode, person, service, ReferralSource.SELF, referredAt))
        .expectEvents(
            new ReferralReceived(episode, person, service, ReferralSource.SELF, referredAt));
  }

  @Test
  void receiveReferral_rejected_whenServiceUnknown() {
    fixture
        .givenNoPriorActivity()
        .when(new ReceiveReferral(episode, person, unknownService, ReferralSource.GP, referredAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.SERVICE_NOT_FOUND));
  }

  @Test
  void receiveReferral_rejected_whenEpisodeExists() {
    fixture
        .given(referral())
        .when(new ReceiveReferral(episode, person, service, ReferralSource.GP, referredAt))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.EPISODE_ALREADY_EXISTS));
  }

  @Test
  void recordContact_recordsContact_evenWhenRecordedOutOfOrder() {
    Instant later = referredAt.plusSeconds(86_400 * 9);
    Instant earlier = referredAt.plusSeconds(86_400 * 2);
    ContactId second = new ContactId(UUID.randomUUID());
    fixture
        .given(referral(), contactRecorded(contact, later))
        .when(recordContact(second, earlier))
        .expectEvents(contactRecorded(second, earlier));
  }

  @Test
  void recordContact_atTheReferralInstant_isAccepted() {
    fixture
        .given(referral())
        .when(recordContact(contact, referredAt))
        .expectEvents(contactRecorded(contact, referredAt));
  }

  @Test
  void recordContact_rejected_whenBeforeReferral() {
    fixture
        .given(referral())
        .when(recordContact(contact, referredAt.minusSeconds(1)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.OCCURRED_BEFORE_REFERRAL));
  }

  @Test
  void recordContact_rejected_whenContactAlreadyRecorded() {
    fixture
        .given(referral(), contactRecorded(contact, referredAt.plusSeconds(60)))
        .when(recordContact(contact, referredAt.plusSeconds(120)))
        .expectNoEvents()
        .expectException(withCode(BusinessErrorCode.CONTACT_ALREADY_RECORDED));
  }

  private ReferralReceived referral() {
    return new ReferralReceived(episode, person, service, ReferralSource.GP, referredAt);
  }

  private RecordContact recordContact(ContactId id, Instant at) {
    return new RecordContact(
        episode,
        id,
        worker,
        at,
        50,
        ContactMode.IN_PERSON,
        ContactSetting.PRIVATE_ROOM,
        InitiatedBy.PERSON,
        InterpreterUse.IN_PERSON,
        Set.of(Choice.PLACE, Choice.TIME),
        true,
        ContactPurpose.SUPPORT);
  }

  private ContactRecorded contactRecorded(ContactId id, Instant at) {
    return new ContactRecorded(
        episode,
        id,
        worker,
        at,
        50,
        ContactMode.IN_PERSON,
        ContactSetting.PRIVATE_ROOM,
        InitiatedBy.PERSON,
        InterpreterUse.IN_PERSON,
        Set.of(Choice.TIME, Choice.PLACE),
        true,
        ContactPurpose.SUPPORT);
  }
}
