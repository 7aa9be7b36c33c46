package cymru.calon.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address that names nothing: a reader in a browser gets a plain "page not found" page in their
 * language, a program (or anything under {@code /api}) the usual problem response.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MissingPageAdvice {
  @ExceptionHandler(NoResourceFoundException.class)
  Object missing(
      NoResourceFoundException e,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale) {
    if (wantsPage(request)) {
      ExtendedModelMap model = new ExtendedModelMap();
      PageModel.frame(model, request, locale);
      model.addAttribute("messageKey", "error.not-found.body");
      response.setStatus(HttpStatus.NOT_FOUND.value());
      return new ModelAndView("not-found", model, HttpStatus.NOT_FOUND);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Nothing is at this address.");
    problem.setTitle("Not found");
    problem.setProperty("code", "NOT_FOUND");
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return !request.getRequestURI().startsWith("/api/")
        && accept != null
        && MediaType.parseMediaTypes(accept).stream()
            .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
  }
}
