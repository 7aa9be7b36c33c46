package cymru.calon.query.web;

import cymru.calon.query.commands.CommandRejected;
import cymru.calon.query.commands.CommandTooLarge;
import cymru.calon.query.imports.ImportInterrupted;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
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
