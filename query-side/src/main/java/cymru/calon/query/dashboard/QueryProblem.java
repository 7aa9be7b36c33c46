package cymru.calon.query.dashboard;

import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.service.Cohort;
import java.util.Arrays;

/**
 * One wrong dashboard parameter: the API words it in English, a page by its message key ({@code
 * query.error.<kind>}), so the Welsh page says the same thing in Welsh.
 */
public record QueryProblem(String field, Kind kind) {
  public enum Kind {
    REQUIRED,
    NOT_A_DATE,
    NOT_AN_INSTANT,
    NOT_AFTER_FROM,
    TOO_LONG,
    NOT_A_COHORT,
    NOT_AN_AREA_CODE,
    NOT_A_UUID
  }

  public String messageKey() {
    return "query.error." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  public FieldError toFieldError() {
    String message =
        switch (kind) {
          case REQUIRED -> field + " is required, as YYYY-MM-DD.";
          case NOT_A_DATE -> field + " is a date as YYYY-MM-DD.";
          case NOT_AN_INSTANT ->
              "asOf is an ISO-8601 instant, e.g. 2025-06-30T17:00:00Z, or a date (the end of that"
                  + " day in Europe/London).";
          case NOT_AFTER_FROM -> "to is after from: the period is [from, to).";
          case TOO_LONG ->
              "A period is at most " + DashboardParameters.MAX_PERIOD_DAYS + " days long.";
          case NOT_A_COHORT -> "cohort is one of " + Arrays.toString(Cohort.values()) + ".";
          case NOT_AN_AREA_CODE -> "areaCode is a GSS code such as W06000015.";
          case NOT_A_UUID -> field + " is a UUID.";
        };
    return new FieldError(field, message);
  }
}
