package cymru.calon.commands.model.rules;

import cymru.calon.commands.api.episode.ReceiveReferral;
import cymru.calon.commands.api.episode.RecordContact;
import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.service.CommissionService;
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

  private static final int MAX_NAME_LENGTH = 200;
  private static final int MAX_CONTACT_MINUTES = 720;

  private CommandFieldRules() {}

  public static List<FieldError> check(Object command) {
    return switch (command) {
      case CommissionService c -> commissionService(c);
      case ReceiveReferral c -> receiveReferral(c);
      case RecordContact c -> recordContact(c);
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

  private static List<FieldError> receiveReferral(ReceiveReferral c) {
    return new FieldChecks()
        .required("episodeId", c.episodeId())
        .required("personId", c.personId())
        .required("serviceId", c.serviceId())
        .required("source", c.source())
        .required("occurredAt", c.occurredAt())
        .errors();
  }

  private static List<FieldError> recordContact(RecordContact c) {
    return new FieldChecks()
        .required("episodeId", c.episodeId())
        .required("contactId", c.contactId())
        .required("workerId", c.workerId())
        .required("occurredAt", c.occurredAt())
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
