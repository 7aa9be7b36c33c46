package cymru.calon.query.pages;

import cymru.calon.query.access.NoAccess;
import cymru.calon.query.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Something the signed-in user may not see: under {@code /api} a {@code 403} problem with code
 * {@code FORBIDDEN}; a page answers with a plain "you do not have access" page in the reader's
 * language, status 403.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NoAccessAdvice {
  @ExceptionHandler(NoAccess.class)
  Object noAccess(
      NoAccess e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
    if (request.getRequestURI().startsWith("/api/")) {
      ProblemDetail problem =
          Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden", e.getMessage());
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    ExtendedModelMap model = new ExtendedModelMap();
    PageModel.frame(model, request, locale);
    response.setStatus(HttpStatus.FORBIDDEN.value());
    return new ModelAndView("forbidden", model, HttpStatus.FORBIDDEN);
  }
}
