package cymru.calon.query.web;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.errors.Rejection;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem documents with Calon's {@code code} and {@code errors} extensions. */
public final class Problems {
  private Problems() {}

  public static ProblemDetail of(Rejection rejection) {
    return of(status(rejection.code()), rejection.code(), rejection.detail(), rejection.errors());
  }

  public static ProblemDetail of(
      HttpStatus status, BusinessErrorCode code, String detail, List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:calon:problem:" + code.name().toLowerCase(Locale.ROOT)));
    problem.setTitle(title(code));
    problem.setProperty("code", code.name());
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  /** A problem outside the business codes, in the same shape. */
  public static ProblemDetail of(HttpStatus status, String code, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:calon:problem:" + code.toLowerCase(Locale.ROOT)));
    problem.setTitle(title);
    problem.setProperty("code", code);
    return problem;
  }

  public static ProblemDetail notFound(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
    problem.setType(URI.create("urn:calon:problem:not_found"));
    problem.setTitle("Not found");
    problem.setProperty("code", "NOT_FOUND");
    return problem;
  }

  static HttpStatus status(BusinessErrorCode code) {
    return status(code.category());
  }

  static HttpStatus status(BusinessErrorCode.Category category) {
    return switch (category) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
    };
  }

  /** {@code EPISODE_NOT_FOUND} becomes "Episode not found". */
  static String title(BusinessErrorCode code) {
    String words = code.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
