package cymru.calon.query.pages;

import cymru.calon.query.access.Viewers;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page for local accounts. Spring Security takes the form's {@code POST /login}; a
 * wrong user name or password comes back here with {@code ?error}, shown as a GOV.UK error summary
 * that does not say which of the two was wrong.
 */
@Controller
class SignInPageController {
  /** One error for the summary and the field it points at. */
  record FormError(String field, String message) {}

  private final FigureText text;

  SignInPageController(FigureText text) {
    this.text = text;
  }

  @GetMapping("/login")
  String signIn(
      @RequestParam(required = false) String error,
      @RequestParam(required = false) String signedOut,
      Model model,
      Locale locale) {
    if (Viewers.currentIfAny().isPresent() && error == null) {
      return "redirect:/";
    }
    model.addAttribute("title", text.message("signin.title", locale));
    model.addAttribute("failed", error != null);
    model.addAttribute("signedOut", signedOut != null);
    model.addAttribute(
        "errors",
        error == null
            ? List.of()
            : List.of(new FormError("username", text.message("signin.failed", locale))));
    return "login";
  }

  /** Where a page the reader may not see is forwarded to (status 403). */
  @GetMapping("/forbidden")
  String forbidden(jakarta.servlet.http.HttpServletResponse response) {
    response.setStatus(403);
    return "forbidden";
  }
}
