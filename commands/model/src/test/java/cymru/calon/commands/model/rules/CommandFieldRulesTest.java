package cymru.calon.commands.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.episode.EpisodeCommand;
import cymru.calon.commands.api.episode.GiveFeedback;
import cymru.calon.commands.api.episode.RecordRelationalCheckIn;
import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.person.PersonCommand;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.ServiceCommand;
import cymru.calon.commands.api.service.VaryServiceContract;
import cymru.calon.commands.api.worker.RecordReflectivePractice;
import cymru.calon.commands.api.worker.ReflectivePracticeKind;
import cymru.calon.commands.api.worker.WorkerCommand;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CommandFieldRulesTest {
  private static final Instant AT = Instant.parse("2025-06-01T10:00:00Z");

  static Stream<Class<?>> everyCommand() {
    return Stream.of(
            ServiceCommand.class, WorkerCommand.class, PersonCommand.class, EpisodeCommand.class)
        .flatMap(family -> Stream.of(family.getPermittedSubclasses()));
  }

  /** A command with every field missing names every required field, so none is defaulted. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCommand")
  void everyCommand_withNoFields_isRefused_namingItsIdAndOccurredAt(Class<?> type)
      throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] nulls = new Object[components.length];
    Command empty =
        (Command)
            type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
                .newInstance(nulls);

    List<String> fields = CommandFieldRules.check(empty).stream().map(FieldError::field).toList();

    assertThat(fields).contains(components[0].getName(), "occurredAt");
  }

  @Test
  void checkInScores_areOneToFive_andLanguageIsATag() {
    var checkIn =
        new RecordRelationalCheckIn(new EpisodeId(UUID.randomUUID()), AT, 0, 5, 6, 3, "Welsh!");
    assertThat(CommandFieldRules.check(checkIn))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("listenedTo", "trustWorker", "language");
  }

  @Test
  void registerPerson_checksTheDetails_withoutNamingTheirValues() {
    var person =
        new cymru.calon.commands.api.person.RegisterPerson(
            new cymru.calon.commands.api.ids.PersonId(UUID.randomUUID()),
            new cymru.calon.commands.api.ids.OrganisationId(UUID.randomUUID()),
            new cymru.calon.commands.api.person.ProtectedDetails(
                " ",
                java.time.LocalDate.of(2030, 1, 1),
                null,
                List.of(
                    new cymru.calon.commands.api.person.ProtectedDetails.ExternalReference(
                        "nhs", "943 476 5919"))),
            "English",
            false,
            cymru.calon.commands.api.person.AgeBand.AGE_18_24,
            AT);
    List<FieldError> errors = CommandFieldRules.check(person);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "protectedDetails.name",
            "protectedDetails.dateOfBirth",
            "protectedDetails.externalReferences[0].system",
            "preferredLanguage");
    assertThat(errors.toString()).doesNotContain("943 476 5919", "2030");
  }

  @Test
  void shareStory_needsText_andValuesFromOneToTwelve() {
    var story =
        new cymru.calon.commands.api.episode.ShareStory(
            new EpisodeId(UUID.randomUUID()),
            new cymru.calon.commands.api.ids.StoryId(UUID.randomUUID()),
            "",
            "cy",
            java.util.Set.of(0, 13),
            AT);
    assertThat(CommandFieldRules.check(story))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("text", "relationalValues");
  }

  @Test
  void feedbackLanguage_acceptsRegionalTags() {
    var feedback = new GiveFeedback(new EpisodeId(UUID.randomUUID()), AT, "fa-AF", true, false);
    assertThat(CommandFieldRules.check(feedback)).isEmpty();
  }

  @Test
  void reflectivePracticeMinutes_areOneTo720() {
    var practice =
        new RecordReflectivePractice(
            new WorkerId(UUID.randomUUID()), AT, 0, ReflectivePracticeKind.SUPERVISION);
    assertThat(CommandFieldRules.check(practice))
        .extracting(FieldError::field)
        .containsExactly("minutes");
  }

  @Test
  void contractVariation_mustChangeSomething_andKeepItsTargetsInRange() {
    ServiceId service = new ServiceId(UUID.randomUUID());
    assertThat(
            CommandFieldRules.check(new VaryServiceContract(service, null, null, null, null, AT)))
        .extracting(FieldError::field)
        .containsExactly("(body)");
    assertThat(
            CommandFieldRules.check(
                new VaryServiceContract(service, null, null, new KpiTargets(400, 0), null, AT)))
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder("kpiTargets.waitingWorkingDays", "kpiTargets.maxEpisodeDays");
  }
}
