package cymru.calon.query.web;

import cymru.calon.query.commands.CommandRejected;
import cymru.calon.query.commands.CommandTooLarge;
import cymru.calon.query.imports.ImportInterrupted;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Ahead of Spring Boot's own problem handler, so Calon's problems always carry a code. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemAdvice {
  @ExceptionHandler(CommandRejected.class)
  ResponseEntity<ProblemDetail> rejected(CommandRejected e) {
    return respond(Problems.of(e.rejection()));
  }

  @ExceptionHandler(CommandTooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(CommandTooLarge e) {
    return respond(
        problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "COMMAND_TOO_LARGE",
            "Command too large",
            e.getMessage()));
  }

  /**
   * Spring answers a wrong media type with a problem already; this one adds the {@code code} that
   * every Calon problem carries, so clients can branch on it alone.
   */
  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    String supported =
        e.getSupportedMediaTypes().stream()
            .map(MediaType::toString)
            .collect(java.util.stream.Collectors.joining(" or "));
    return respond(
        problem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "Unsupported media type",
            "Send " + supported + "."));
  }

  @ExceptionHandler(ImportInterrupted.class)
  ResponseEntity<ProblemDetail> importInterrupted(ImportInterrupted e) {
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "IMPORT_INTERRUPTED",
            "Import interrupted",
            e.getMessage());
    problem.setProperty("line", e.line());
    return respond(problem);
  }

  @ExceptionHandler(InvalidQuery.class)
  ResponseEntity<ProblemDetail> invalidQuery(InvalidQuery e) {
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "INVALID_QUERY", "Invalid query", e.getMessage());
    problem.setProperty("errors", e.errors());
    return respond(problem);
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<ProblemDetail> notFound(NotFound e) {
    return respond(Problems.notFound(e.getMessage()));
  }

  private static ProblemDetail problem(
      HttpStatus status, String code, String title, String detail) {
    return Problems.of(status, code, title, detail);
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
