package cymru.calon.commands.model.rules;

import cymru.calon.commands.api.episode.AchieveOutcome;
import cymru.calon.commands.api.episode.AssignWorker;
import cymru.calon.commands.api.episode.CloseEpisode;
import cymru.calon.commands.api.episode.EndAftercare;
import cymru.calon.commands.api.episode.EpisodeCommand;
import cymru.calon.commands.api.episode.GiveFeedback;
import cymru.calon.commands.api.episode.HandOverWorker;
import cymru.calon.commands.api.episode.PlanAftercare;
import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.episode.RecordMissedAppointment;
import cymru.calon.commands.api.episode.RecordRelationalCheckIn;
import cymru.calon.commands.api.episode.RecordTrustMilestone;
import cymru.calon.commands.api.episode.ShareStory;
import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.person.ForgetPerson;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.RecordConsent;
import cymru.calon.commands.api.person.RegisterPerson;
import cymru.calon.commands.api.service.CommissionService;
import cymru.calon.commands.api.service.VaryServiceContract;
import cymru.calon.commands.api.worker.RecordReflectivePractice;
import cymru.calon.commands.api.worker.RecordWorkerJoined;
import cymru.calon.commands.api.worker.RecordWorkerLeft;
import cymru.calon.commands.api.worker.WorkerCommand;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field-level rules of every command: presence, ranges and formats that need no state. Checked
 * before any aggregate is loaded, so an invalid command is refused the same way whether or not its
 * aggregate exists.
 */
public final class CommandFieldRules {
  /** A GSS code: a letter, two digits, six digits (e.g. W06000015, W11000028). */
  private static final Pattern GSS_CODE = Pattern.compile("[A-Z][0-9]{8}");

  /** A BCP 47 language tag, e.g. cy, en, ar, ti, ps, fa-AF. */
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

  /** The system of an external reference: upper-case words, e.g. NHS_NUMBER. */
  private static final Pattern REFERENCE_SYSTEM = Pattern.compile("[A-Z][A-Z0-9_]{1,49}");

  private static final java.time.ZoneId LONDON = java.time.ZoneId.of("Europe/London");
  private static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_STORY_LENGTH = 20_000;
  private static final int MAX_CONTACT_MINUTES = 720;

  private CommandFieldRules() {}

  public static List<FieldError> check(Object command) {
    return switch (command) {
      case CommissionService c -> commissionService(c);
      case VaryServiceContract c -> varyServiceContract(c);
      case RecordWorkerJoined c -> recordWorkerJoined(c);
      case RecordWorkerLeft c -> checks(c).errors();
      case RecordReflectivePractice c -> recordReflectivePractice(c);
      case ReceiveReferral c -> receiveReferral(c);
      case AssignWorker c -> checks(c).required("workerId", c.workerId()).errors();
      case HandOverWorker c -> handOverWorker(c);
      case RecordContact c -> recordContact(c);
      case RecordMissedAppointment c ->
          checks(c).required("missedBy", c.missedBy()).required("followUp", c.followUp()).errors();
      case RecordTrustMilestone c ->
          checks(c).required("marker", c.marker()).required("observedBy", c.observedBy()).errors();
      case RecordRelationalCheckIn c -> recordRelationalCheckIn(c);
      case AchieveOutcome c -> achieveOutcome(c);
      case PlanAftercare c ->
          checks(c).required("outcomeId", c.outcomeId()).required("until", c.until()).errors();
      case EndAftercare c -> checks(c).required("reason", c.reason()).errors();
      case GiveFeedback c ->
          checks(c)
              .matches("language", c.language(), LANGUAGE_TAG, "a BCP 47 language tag such as cy")
              .required("translated", c.translated())
              .required("complaint", c.complaint())
              .errors();
      case CloseEpisode c -> checks(c).required("reason", c.reason()).errors();
      case ShareStory c -> shareStory(c);
      case RegisterPerson c -> registerPerson(c);
      case RecordConsent c ->
          new FieldChecks()
              .required("personId", c.personId())
              .required("scope", c.scope())
              .required("granted", c.granted())
              .required("occurredAt", c.occurredAt())
              .errors();
      case ForgetPerson c ->
          new FieldChecks()
              .required("personId", c.personId())
              .required("occurredAt", c.occurredAt())
              .errors();
      default -> List.of();
    };
  }

  private static List<FieldError> commissionService(CommissionService c) {
    var checks =
        new FieldChecks()
            .required("serviceId", c.serviceId())
            .required("organisationId", c.organisationId())
            .required("commissionerId", c.commissionerId())
            .text("name", c.name(), MAX_NAME_LENGTH)
            .required("cohort", c.cohort())
            .matches("areaCode", c.areaCode(), GSS_CODE, "a GSS code such as W06000015")
            .required("contractStart", c.contractStart())
            .required("contractEnd", c.contractEnd())
            .required("occurredAt", c.occurredAt())
            .range("kpiTargets.waitingWorkingDays", c.kpiTargets().waitingWorkingDays(), 0, 365)
            .optionalRange("kpiTargets.maxEpisodeDays", c.kpiTargets().maxEpisodeDays(), 1, 3650)
            .optionalRange(
                "relationalCommitments.aftercareWeeks",
                c.relationalCommitments().aftercareWeeks(),
                1,
                520)
            .optionalRange(
                "relationalCommitments.maxCaseload",
                c.relationalCommitments().maxCaseload(),
                1,
                500);
    if (c.contractStart() != null && c.contractEnd() != null) {
      checks.check(
          c.contractEnd().isAfter(c.contractStart()), "contractEnd", "must be after contractStart");
    }
    return checks.errors();
  }

  /** The checks every episode command shares: its episode and when it happened. */
  private static FieldChecks checks(EpisodeCommand c) {
    return new FieldChecks()
        .required("episodeId", c.episodeId())
        .required("occurredAt", c.occurredAt());
  }

  private static FieldChecks checks(WorkerCommand c) {
    return new FieldChecks()
        .required("workerId", c.workerId())
        .required("occurredAt", c.occurredAt());
  }

  private static List<FieldError> varyServiceContract(VaryServiceContract c) {
    var checks =
        new FieldChecks()
            .required("serviceId", c.serviceId())
            .required("occurredAt", c.occurredAt())
            .check(
                c.contractStart() != null
                    || c.contractEnd() != null
                    || c.kpiTargets() != null
                    || c.relationalCommitments() != null,
                "(body)",
                "must change at least one of contractStart, contractEnd, kpiTargets,"
                    + " relationalCommitments");
    if (c.kpiTargets() != null) {
      checks
          .range("kpiTargets.waitingWorkingDays", c.kpiTargets().waitingWorkingDays(), 0, 365)
          .optionalRange("kpiTargets.maxEpisodeDays", c.kpiTargets().maxEpisodeDays(), 1, 3650);
    }
    if (c.relationalCommitments() != null) {
      checks
          .optionalRange(
              "relationalCommitments.aftercareWeeks",
              c.relationalCommitments().aftercareWeeks(),
              1,
              520)
          .optionalRange(
              "relationalCommitments.maxCaseload", c.relationalCommitments().maxCaseload(), 1, 500);
    }
    if (c.contractStart() != null && c.contractEnd() != null) {
      checks.check(
          c.contractEnd().isAfter(c.contractStart()), "contractEnd", "must be after contractStart");
    }
    return checks.errors();
  }

  private static List<FieldError> recordWorkerJoined(RecordWorkerJoined c) {
    return checks(c)
        .required("organisationId", c.organisationId())
        .required("role", c.role())
        .required("livedExperience", c.livedExperience())
        .errors();
  }

  private static List<FieldError> recordReflectivePractice(RecordReflectivePractice c) {
    return checks(c)
        .range("minutes", c.minutes(), 1, MAX_CONTACT_MINUTES)
        .required("kind", c.kind())
        .errors();
  }

  private static List<FieldError> handOverWorker(HandOverWorker c) {
    return checks(c)
        .required("fromWorkerId", c.fromWorkerId())
        .required("toWorkerId", c.toWorkerId())
        .required("reason", c.reason())
        .required("warmIntroduction", c.warmIntroduction())
        .errors();
  }

  private static List<FieldError> recordRelationalCheckIn(RecordRelationalCheckIn c) {
    return checks(c)
        .range("listenedTo", c.listenedTo(), 1, 5)
        .range("hadASay", c.hadASay(), 1, 5)
        .range("trustWorker", c.trustWorker(), 1, 5)
        .range("feltSafe", c.feltSafe(), 1, 5)
        .matches("language", c.language(), LANGUAGE_TAG, "a BCP 47 language tag such as cy")
        .errors();
  }

  private static List<FieldError> achieveOutcome(AchieveOutcome c) {
    return checks(c)
        .required("outcomeId", c.outcomeId())
        .required("outcomeType", c.outcomeType())
        .required("personDefined", c.personDefined())
        .errors();
  }

  private static List<FieldError> receiveReferral(ReceiveReferral c) {
    return new FieldChecks()
        .required("episodeId", c.episodeId())
        .required("personId", c.personId())
        .required("serviceId", c.serviceId())
        .required("source", c.source())
        .required("occurredAt", c.occurredAt())
        .errors();
  }

  private static List<FieldError> shareStory(ShareStory c) {
    FieldChecks checks =
        checks(c)
            .required("storyId", c.storyId())
            .text("text", c.text(), MAX_STORY_LENGTH)
            .matches("language", c.language(), LANGUAGE_TAG, "a BCP 47 language tag such as cy")
            .required("relationalValues", c.relationalValues());
    if (c.relationalValues() != null) {
      checks
          .check(
              !c.relationalValues().isEmpty(), "relationalValues", "must name at least one value")
          .check(
              c.relationalValues().stream().allMatch(v -> v != null && v >= 1 && v <= 12),
              "relationalValues",
              "must be numbers from 1 to 12");
    }
    return checks.errors();
  }

  private static List<FieldError> registerPerson(RegisterPerson c) {
    FieldChecks checks =
        new FieldChecks()
            .required("personId", c.personId())
            .required("organisationId", c.organisationId())
            .required("protectedDetails", c.protectedDetails())
            .matches(
                "preferredLanguage",
                c.preferredLanguage(),
                LANGUAGE_TAG,
                "a BCP 47 language tag such as cy")
            .required("interpreterNeeded", c.interpreterNeeded())
            .required("ageBand", c.ageBand())
            .required("occurredAt", c.occurredAt());
    ProtectedDetails details = c.protectedDetails();
    if (details != null) {
      checks.text("protectedDetails.name", details.name(), MAX_NAME_LENGTH);
      if (details.contactDetails() != null) {
        checks.text("protectedDetails.contactDetails", details.contactDetails(), 1000);
      }
      if (details.dateOfBirth() != null && c.occurredAt() != null) {
        checks.check(
            details.dateOfBirth().isBefore(c.occurredAt().atZone(LONDON).toLocalDate()),
            "protectedDetails.dateOfBirth",
            "must be before occurredAt");
      }
      checks.check(
          details.externalReferences().size() <= 20,
          "protectedDetails.externalReferences",
          "must have at most 20 references");
      for (int i = 0; i < details.externalReferences().size(); i++) {
        ProtectedDetails.ExternalReference reference = details.externalReferences().get(i);
        String field = "protectedDetails.externalReferences[" + i + "]";
        if (reference == null) {
          checks.required(field, null);
        } else {
          checks
              .matches(field + ".system", reference.system(), REFERENCE_SYSTEM, "like NHS_NUMBER")
              .text(field + ".value", reference.value(), 100);
        }
      }
    }
    return checks.errors();
  }

  private static List<FieldError> recordContact(RecordContact c) {
    return checks(c)
        .required("contactId", c.contactId())
        .required("workerId", c.workerId())
        .range("minutes", c.minutes(), 1, MAX_CONTACT_MINUTES)
        .required("mode", c.mode())
        .required("setting", c.setting())
        .required("initiatedBy", c.initiatedBy())
        .required("interpreter", c.interpreter())
        .required("choicesOffered", c.choicesOffered())
        .required("storyRetold", c.storyRetold())
        .required("purpose", c.purpose())
        .errors();
  }
}
