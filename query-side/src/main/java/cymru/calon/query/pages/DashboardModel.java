package cymru.calon.query.pages;

import cymru.calon.query.dashboard.DashboardView;
import cymru.calon.query.dashboard.QueryProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/** The model a dashboard page (a service's or the policy view) is drawn from. */
final class DashboardModel {
  /** A wrong parameter, for the error summary: which field, and what is wrong in words. */
  record FormError(String field, String message) {}

  private DashboardModel() {}

  /** The period form as the reader filled it in, so a wrong value is shown back to be fixed. */
  static Map<String, String> form(String from, String to, String asOf) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("from", from == null ? "" : from);
    form.put("to", to == null ? "" : to);
    form.put("asOf", asOf == null ? "" : asOf);
    return form;
  }

  static void errors(Model model, List<QueryProblem> problems, FigureText text, Locale locale) {
    List<FormError> errors =
        problems.stream()
            .map(p -> new FormError(p.field(), text.message(p.messageKey(), locale)))
            .toList();
    Map<String, String> byField = new LinkedHashMap<>();
    errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
    model.addAttribute("errors", errors);
    model.addAttribute("fieldErrors", byField);
  }

  static void figures(
      Model model,
      DashboardView view,
      DashboardPresenter presenter,
      FigureText text,
      Locale locale,
      String exportPath,
      Map<String, String> query) {
    model.addAttribute("view", view);
    model.addAttribute("presented", presenter.present(view, locale));
    model.addAttribute("periodFrom", text.date(view.from(), locale));
    model.addAttribute("periodTo", text.date(view.to().minusDays(1), locale));
    model.addAttribute("asOfText", text.instant(view.asOf(), locale));
    model.addAttribute("csvUrl", export(exportPath + ".csv", query, locale));
    model.addAttribute("pdfUrl", export(exportPath + ".pdf", query, locale));
    model.addAttribute("jsonUrl", export(exportPath, query, null));
    if (!view.suppressed()) {
      Map<String, String> shared = new LinkedHashMap<>(query);
      shared.put("smallNumbers", EvidencePackController.HIDDEN);
      model.addAttribute("csvSharedUrl", export(exportPath + ".csv", shared, locale));
      model.addAttribute("pdfSharedUrl", export(exportPath + ".pdf", shared, locale));
    }
  }

  private static String export(String path, Map<String, String> query, Locale locale) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
    query.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            uri.queryParam(name, value);
          }
        });
    if (locale != null) {
      uri.queryParam(PagesConfiguration.LANGUAGE_PARAMETER, Languages.of(locale).getLanguage());
    }
    return uri.encode().build().toUriString();
  }
}
