package cymru.calon.query.web;

import cymru.calon.query.commands.CommandRejected;
import cymru.calon.query.commands.CommandTooLarge;
import cymru.calon.query.imports.ImportInterrupted;
import java.net.URI;
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
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    problem.setType(URI.create("urn:calon:problem:command_too_large"));
    problem.setTitle("Command too large");
    problem.setProperty("code", "COMMAND_TOO_LARGE");
    return respond(problem);
  }

  /**
   * Spring answers a wrong media type with a problem already; this one adds the {@code code} that
   * every Calon problem carries, so clients can branch on it alone.
   */
  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "Send "
                + e.getSupportedMediaTypes().stream()
                    .map(MediaType::toString)
                    .collect(java.util.stream.Collectors.joining(" or "))
                + ".");
    problem.setType(URI.create("urn:calon:problem:unsupported_media_type"));
    problem.setTitle("Unsupported media type");
    problem.setProperty("code", "UNSUPPORTED_MEDIA_TYPE");
    return respond(problem);
  }

  @ExceptionHandler(ImportInterrupted.class)
  ResponseEntity<ProblemDetail> importInterrupted(ImportInterrupted e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    problem.setType(URI.create("urn:calon:problem:import_interrupted"));
    problem.setTitle("Import interrupted");
    problem.setProperty("code", "IMPORT_INTERRUPTED");
    problem.setProperty("line", e.line());
    return respond(problem);
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
