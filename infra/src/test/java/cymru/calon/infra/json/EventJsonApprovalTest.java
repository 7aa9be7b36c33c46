package cymru.calon.infra.json;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.service.Cohort;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.ServiceCommissioned;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
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
                ContactPurpose.SUPPORT)));
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
