package cymru.calon.infra.json;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.episode.AftercareEndReason;
import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AftercarePlanned;
import cymru.calon.commands.api.episode.AppointmentMissed;
import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ClosureReason;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.EpisodeClosed;
import cymru.calon.commands.api.episode.EpisodeEvent;
import cymru.calon.commands.api.episode.FeedbackGiven;
import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.HandoverReason;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.MissedBy;
import cymru.calon.commands.api.episode.ObservedBy;
import cymru.calon.commands.api.episode.OutcomeAchieved;
import cymru.calon.commands.api.episode.OutcomeType;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.episode.RelationalCheckInRecorded;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.episode.TrustMarker;
import cymru.calon.commands.api.episode.TrustMilestoneReached;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.OutcomeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.person.AgeBand;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.ConsentScope;
import cymru.calon.commands.api.person.PersonEvent;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.commands.api.person.Sealed;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.service.ServiceContractVaried;
import cymru.calon.commands.api.service.ServiceEvent;
import cymru.calon.commands.api.worker.ReflectivePracticeKind;
import cymru.calon.commands.api.worker.ReflectivePracticeRecorded;
import cymru.calon.commands.api.worker.WorkerEvent;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import cymru.calon.commands.api.worker.WorkerRole;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pins the stored JSON of every event (revision 1). A change here breaks stored history: it needs a
 * new revision and an upcaster, not an edited fixture.
 */
class EventJsonApprovalTest {
  private static final ServiceId SERVICE = ServiceId.of("11111111-1111-4111-8111-111111111111");
  private static final EpisodeId EPISODE = EpisodeId.of("44444444-4444-4444-8444-444444444444");
  private static final PersonId PERSON = PersonId.of("55555555-5555-4555-8555-555555555555");
  private static final WorkerId WORKER = WorkerId.of("77777777-7777-4777-8777-777777777777");
  private static final WorkerId OTHER_WORKER = WorkerId.of("88888888-8888-4888-8888-888888888888");
  private static final OutcomeId OUTCOME = OutcomeId.of("99999999-9999-4999-8999-999999999999");
  private static final Instant AT = Instant.parse("2025-06-10T14:30:00Z");

  private final Jackson3Serializer serializer =
      Jackson3Serializer.builder()
          .jsonMapperBuilderCustomizer(builder -> builder.addModule(new IdentifierModule()))
          .build();
  private final JsonMapper plain = JsonMapper.builder().build();

  static Stream<Arguments> events() {
    return Stream.of(
        Arguments.of(
            "ServiceCommissioned.v1.json",
            new ServiceCommissioned(
                SERVICE,
                OrganisationId.of("22222222-2222-4222-8222-222222222222"),
                CommissionerId.of("33333333-3333-4333-8333-333333333333"),
                "Cardiff Housing Support",
                Cohort.HOUSING_SUPPORT,
                "W06000015",
                LocalDate.of(2025, 4, 1),
                LocalDate.of(2028, 3, 31),
                new KpiTargets(15, 180),
                new RelationalCommitments(12, null),
                Instant.parse("2025-03-01T09:00:00Z"))),
        Arguments.of(
            "ReferralReceived.v1.json",
            new ReferralReceived(
                EPISODE,
                PersonId.of("55555555-5555-4555-8555-555555555555"),
                SERVICE,
                ReferralSource.PROBATION,
                Instant.parse("2025-05-01T09:00:00Z"))),
        Arguments.of(
            "ContactRecorded.v1.json",
            new ContactRecorded(
                EPISODE,
                ContactId.of("66666666-6666-4666-8666-666666666666"),
                WorkerId.of("77777777-7777-4777-8777-777777777777"),
                Instant.parse("2025-05-04T10:15:00Z"),
                45,
                ContactMode.IN_PERSON,
                ContactSetting.PRIVATE_ROOM,
                InitiatedBy.WORKER,
                InterpreterUse.IN_PERSON,
                Set.of(Choice.INTERPRETER, Choice.TIME),
                false,
                ContactPurpose.SUPPORT)),
        Arguments.of(
            "ServiceContractVaried.v1.json",
            new ServiceContractVaried(
                SERVICE,
                null,
                LocalDate.of(2029, 3, 31),
                new KpiTargets(20, null),
                new RelationalCommitments(26, 18),
                AT)),
        Arguments.of(
            "WorkerJoined.v1.json",
            new WorkerJoined(
                WORKER,
                OrganisationId.of("22222222-2222-4222-8222-222222222222"),
                WorkerRole.PEER_MENTOR,
                true,
                Instant.parse("2025-01-06T09:00:00Z"))),
        Arguments.of("WorkerLeft.v1.json", new WorkerLeft(WORKER, AT)),
        Arguments.of(
            "ReflectivePracticeRecorded.v1.json",
            new ReflectivePracticeRecorded(
                WORKER, AT, 90, ReflectivePracticeKind.CLINICAL_SUPERVISION)),
        Arguments.of("WorkerAssigned.v1.json", new WorkerAssigned(EPISODE, WORKER, AT)),
        Arguments.of(
            "WorkerHandedOver.v1.json",
            new WorkerHandedOver(
                EPISODE, WORKER, OTHER_WORKER, HandoverReason.WORKER_LEFT, true, AT)),
        Arguments.of(
            "AppointmentMissed.v1.json",
            new AppointmentMissed(EPISODE, AT, MissedBy.SERVICE, FollowUp.CALL)),
        Arguments.of(
            "TrustMilestoneReached.v1.json",
            new TrustMilestoneReached(
                EPISODE, TrustMarker.CHOSE_TO_SHARE_STORY, ObservedBy.PERSON, AT)),
        Arguments.of(
            "RelationalCheckInRecorded.v1.json",
            new RelationalCheckInRecorded(EPISODE, AT, 4, 5, 3, 4, "cy")),
        Arguments.of(
            "OutcomeAchieved.v1.json",
            new OutcomeAchieved(EPISODE, OUTCOME, OutcomeType.TENANCY_SUSTAINED, true, AT)),
        Arguments.of(
            "AftercarePlanned.v1.json",
            new AftercarePlanned(EPISODE, OUTCOME, LocalDate.of(2025, 9, 30), AT)),
        Arguments.of(
            "AftercareEnded.v1.json",
            new AftercareEnded(EPISODE, AftercareEndReason.PERSON_CHOSE, AT)),
        Arguments.of("FeedbackGiven.v1.json", new FeedbackGiven(EPISODE, AT, "ti", true, false)),
        Arguments.of(
            "StoryShared.v1.json",
            new StoryShared(
                EPISODE,
                StoryId.of("66666666-6666-4666-8666-666666666666"),
                new Sealed("AQID/ciphertext=="),
                "cy",
                Set.of(8, 1),
                AT)),
        Arguments.of(
            "PersonRegistered.v1.json",
            new PersonRegistered(
                PERSON,
                OrganisationId.of("77777777-7777-4777-8777-777777777777"),
                new Sealed("AQID/ciphertext=="),
                "ar",
                true,
                AgeBand.AGE_25_34,
                AT)),
        Arguments.of(
            "ConsentRecorded.v1.json",
            new ConsentRecorded(PERSON, ConsentScope.SHARE_STORY_WITH_COMMISSIONERS, true, AT)),
        Arguments.of("PersonForgotten.v1.json", new PersonForgotten(PERSON, AT)),
        Arguments.of(
            "EpisodeClosed.v1.json", new EpisodeClosed(EPISODE, ClosureReason.NON_ENGAGEMENT, AT)));
  }

  @Test
  void everyEvent_hasAnApprovedFixture() {
    Set<Class<?>> pinned =
        events().map(arguments -> arguments.get()[1].getClass()).collect(Collectors.toSet());
    Set<Class<?>> all =
        Stream.of(ServiceEvent.class, WorkerEvent.class, PersonEvent.class, EpisodeEvent.class)
            .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
            .collect(Collectors.toSet());
    assertThat(pinned).isEqualTo(all);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void storedJson_isPinned_andReadsBack(String fixture, Object event) throws IOException {
    byte[] approved = fixture(fixture);

    SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
    assertThat(plain.readTree(stored.getData())).isEqualTo(plain.readTree(approved));
    assertThat(stored.getType().getRevision()).isEqualTo("1");

    Object read =
        serializer.deserialize(
            new SimpleSerializedObject<>(approved, byte[].class, stored.getType()));
    assertThat(read).isEqualTo(event);
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = EventJsonApprovalTest.class.getResourceAsStream("/events/" + name)) {
      return in.readAllBytes();
    }
  }
}
