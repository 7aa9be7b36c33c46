package cymru.calon.query.pages;

import cymru.calon.query.access.Viewer;
import cymru.calon.query.access.Viewers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every page's frame needs: its language, the same page in the other language, and who is
 * signed in.
 */
@ControllerAdvice(
    assignableTypes = {
      ServicesPageController.class,
      DashboardPageController.class,
      PolicyPageController.class,
      AccessibilityPageController.class,
      SignInPageController.class
    })
class PageModel {
  /** The frame's attributes, for models that the advice does not reach (exception handlers). */
  static void frame(Model model, HttpServletRequest request, Locale locale) {
    model.addAttribute("lang", Languages.of(locale).getLanguage());
    model.addAttribute("otherLanguageUrl", otherLanguage(request, locale));
    model.addAttribute("path", request.getRequestURI());
    model.addAttribute("signedIn", Viewers.currentIfAny().orElse(null));
  }

  /** Who is signed in, for the header (null on the sign-in page and the public pages). */
  @ModelAttribute("signedIn")
  Viewer signedIn() {
    return Viewers.currentIfAny().orElse(null);
  }

  @ModelAttribute("lang")
  String lang(Locale locale) {
    return Languages.of(locale).getLanguage();
  }

  /** The page the reader is on, in the other language (the switch keeps every other parameter). */
  @ModelAttribute("otherLanguageUrl")
  String otherLanguageUrl(HttpServletRequest request, Locale locale) {
    return otherLanguage(request, locale);
  }

  private static String otherLanguage(HttpServletRequest request, Locale locale) {
    String other = Languages.of(locale).equals(Languages.WELSH) ? "en" : "cy";
    return ServletUriComponentsBuilder.fromRequest(request)
        .replaceQueryParam(PagesConfiguration.LANGUAGE_PARAMETER, other)
        .build()
        .toUriString()
        .replaceFirst("^[a-z]+://[^/]+", "");
  }

  @ModelAttribute("path")
  String path(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
