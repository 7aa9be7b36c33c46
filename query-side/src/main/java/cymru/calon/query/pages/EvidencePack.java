package cymru.calon.query.pages;

import cymru.calon.query.dashboard.DashboardView;
import cymru.calon.query.pages.DashboardPresenter.Presented;
import cymru.calon.query.pages.DashboardPresenter.Row;
import cymru.calon.query.pages.DashboardPresenter.SectionView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A provider's evidence pack for a dashboard, in the reader's language: the figures as CSV, and a
 * tagged PDF/UA report with the charts and tables of the page.
 */
@Component
public class EvidencePack {

  private final DashboardPresenter presenter;
  private final FigureText text;
  private final ChartImages charts;
  private final ITemplateEngine templates;
  private final Clock clock;

  EvidencePack(
      DashboardPresenter presenter, FigureText text, ITemplateEngine templates, Clock clock) {
    this.presenter = presenter;
    this.text = text;
    this.charts = new ChartImages(text);
    this.templates = templates;
    this.clock = clock;
  }

  /** The heading of the pack: the service's name, or the policy scope. */
  String title(DashboardView view, Locale locale) {
    return view.service() != null
        ? text.message("report.title", locale, view.service().name())
        : text.message("report.policy-title", locale);
  }

  String scope(DashboardView view, Locale locale) {
    return view.service() != null
        ? text.message(
            "dashboard.service-scope",
            locale,
            text.cohort(view.service().cohort(), locale),
            text.area(view.service().areaCode(), locale))
        : text.message(
            "policy.scope",
            locale,
            text.area(view.areaCode(), locale),
            text.cohort(view.cohort(), locale),
            view.services());
  }

  String period(DashboardView view, Locale locale) {
    return text.message(
        "dashboard.period",
        locale,
        text.date(view.from(), locale),
        text.date(view.to().minusDays(1), locale));
  }

  /**
   * Every figure a row, with its raw numbers beside the words. UTF-8 with a byte-order mark, so
   * spreadsheets read the Welsh letters right.
   */
  public byte[] csv(DashboardView view, Locale locale) {
    Presented presented = presenter.present(view, locale);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
      writer.write('\uFEFF');
      csv.printRecord(
          safe(text.message("csv.scope", locale)),
          safe(title(view, locale)),
          safe(scope(view, locale)));
      csv.printRecord(
          safe(text.message("csv.period", locale)), view.from(), view.to().minusDays(1));
      csv.printRecord(safe(text.message("csv.as-of", locale)), view.asOf());
      csv.printRecord(
          safe(text.message("csv.small-numbers", locale)),
          safe(
              text.message(
                  view.suppressed() ? "csv.small-numbers.hidden" : "csv.small-numbers.shown",
                  locale)));
      csv.println();
      csv.printRecord(
          safe(text.message("csv.section", locale)),
          safe(text.message("csv.measure", locale)),
          safe(text.message("csv.id", locale)),
          safe(text.message("csv.value", locale)),
          safe(text.message("csv.numerator", locale)),
          safe(text.message("csv.denominator", locale)),
          safe(text.message("csv.shown-as", locale)));
      for (SectionView section : presented.sections()) {
        for (Row row : section.rows()) {
          csv.printRecord(
              safe(section.title()),
              safe(row.name()),
              row.path(),
              row.number() == null ? "" : plain(row.number()),
              row.numerator() == null ? "" : row.numerator(),
              row.denominator() == null ? "" : row.denominator(),
              safe(row.value()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * A cell that a spreadsheet would take as a formula (=, +, -, @, a tab or a carriage return
   * first) is prefixed with an apostrophe, so it is shown as the text it is and never run. Names
   * come from callers (a service's name), so any of them could be an attack.
   */
  static String safe(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    return switch (first) {
      case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> "'" + cell;
      default -> cell;
    };
  }

  private static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  /** The report: tagged for screen readers (PDF/UA), its language set, its fonts embedded. */
  public byte[] pdf(DashboardView view, Locale locale) {
    Presented presented = presenter.present(view, locale);
    Map<String, String> images = new LinkedHashMap<>();
    for (SectionView section : presented.sections()) {
      if (section.chart() != null) {
        byte[] png = charts.png(section.chart(), locale);
        if (png != null) {
          images.put(
              section.id(), "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        }
      }
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("lang", Languages.of(locale).getLanguage());
    variables.put("title", title(view, locale));
    variables.put("scopeLine", scope(view, locale));
    variables.put("periodLine", period(view, locale));
    variables.put("asOfText", text.instant(view.asOf(), locale));
    variables.put("suppressed", view.suppressed());
    variables.put("generated", text.instant(clock.instant(), locale));
    variables.put("presented", presented);
    variables.put("images", images);
    String html = templates.process("report", new Context(locale, variables));
    return TaggedPdf.render(html);
  }
}
