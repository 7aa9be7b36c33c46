package cymru.calon.query.pages;

import cymru.calon.query.dashboard.DashboardView;
import cymru.calon.query.pages.FigureCatalogue.Chart;
import cymru.calon.query.pages.FigureCatalogue.ChartType;
import cymru.calon.query.pages.FigureCatalogue.Item;
import cymru.calon.query.pages.FigureCatalogue.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dashboard as a reader sees it, in one language: every figure of the catalogue named, explained
 * and formatted, each section's chart with the data table that says the same. The page, the CSV and
 * the PDF are all made from this, so they cannot disagree.
 */
@Component
public class DashboardPresenter {
  /** One figure, formatted, with its raw parts for the CSV. */
  public record Row(
      String path,
      String name,
      String help,
      String value,
      boolean suppressed,
      Double number,
      Long numerator,
      Long denominator) {}

  /**
   * A chart and its data table. {@code points} are a survival curve's steps (t, S, lower, upper);
   * {@code categories} and {@code values} a bar chart's; {@code json} is what the page's script
   * draws. {@code drawable} is false when suppression leaves nothing honest to draw.
   */
  public record ChartView(
      String id,
      ChartType type,
      String label,
      boolean drawable,
      String json,
      List<String> headers,
      List<List<String>> rows,
      List<double[]> points,
      List<String> categories,
      List<Double> values,
      Double max,
      boolean percent) {}

  public record SectionView(
      String id, String title, String help, List<Row> rows, ChartView chart) {}

  public record Presented(
      List<Row> kpiHeadlines, List<Row> relationalHeadlines, List<SectionView> sections) {}

  private final FigureText text;
  private final JsonMapper json = JsonMapper.builder().build();

  public DashboardPresenter(FigureText text) {
    this.text = text;
  }

  public Presented present(DashboardView view, Locale locale) {
    List<SectionView> sections = new ArrayList<>();
    List<Row> kpi = new ArrayList<>();
    for (Section section : FigureCatalogue.SECTIONS) {
      List<Row> rows = section.items().stream().map(item -> row(view, item, locale)).toList();
      if (section.id().equals("kpi")) {
        kpi.addAll(rows);
      }
      sections.add(
          new SectionView(
              section.id(),
              text.message(section.titleKey(), locale),
              text.message(section.helpKey(), locale),
              rows,
              section.chart() == null ? null : chart(view, section, locale)));
    }
    List<Row> relational =
        FigureCatalogue.HEADLINES.stream()
            .map(path -> row(view, FigureCatalogue.item(path), locale))
            .toList();
    return new Presented(kpi, relational, sections);
  }

  public Row row(DashboardView view, Item item, Locale locale) {
    Object raw = view.figure(item.path());
    boolean suppressed = FigureText.suppressed(raw);
    Double number = null;
    Long numerator = null;
    Long denominator = null;
    if (raw instanceof Number n) {
      number = n.doubleValue();
    } else if (!suppressed && raw instanceof Map<?, ?> rate) {
      numerator = ((Number) rate.get("numerator")).longValue();
      denominator = ((Number) rate.get("denominator")).longValue();
      number = rate.get("rate") instanceof Number r ? r.doubleValue() : null;
    }
    return new Row(
        item.path(),
        text.message(item.nameKey(), locale),
        text.message(item.helpKey(), locale),
        text.value(raw, item.kind(), locale),
        suppressed,
        number,
        numerator,
        denominator);
  }

  private ChartView chart(DashboardView view, Section section, Locale locale) {
    Chart chart = section.chart();
    String id = "chart-" + section.id();
    String label = text.message("section." + section.id() + ".chart", locale);
    return chart.type() == ChartType.SURVIVAL
        ? survival(view, chart, id, label, locale)
        : bars(view, chart, id, label, locale);
  }

  private ChartView survival(
      DashboardView view, Chart chart, String id, String label, Locale locale) {
    List<String> headers =
        List.of(
            text.message("curve.days", locale),
            text.message("curve.survival", locale),
            text.message("curve.lower", locale),
            text.message("curve.upper", locale),
            text.message("curve.at-risk", locale),
            text.message("curve.events", locale));
    List<List<String>> rows = new ArrayList<>();
    List<double[]> points = new ArrayList<>();
    boolean drawable = view.figure(chart.curvePath()) instanceof List<?> steps && !steps.isEmpty();
    if (view.figure(chart.curvePath()) instanceof List<?> steps) {
      points.add(new double[] {0, 1, 1, 1});
      for (Object step : steps) {
        Map<?, ?> s = (Map<?, ?>) step;
        Object t = s.get("t");
        Object survival = s.get("survival");
        if (!(t instanceof Number) || !(survival instanceof Number)) {
          drawable = false;
        } else {
          double sv = ((Number) survival).doubleValue();
          points.add(
              new double[] {
                ((Number) t).doubleValue(),
                sv,
                orElse(s.get("lower"), sv),
                orElse(s.get("upper"), sv)
              });
        }
        rows.add(
            List.of(
                t instanceof Number n
                    ? text.decimal(n.doubleValue(), 1, locale)
                    : hidden(t, locale),
                share(survival, locale),
                share(s.get("lower"), locale),
                share(s.get("upper"), locale),
                text.value(s.get("atRisk"), FigureCatalogue.Kind.COUNT, locale),
                text.value(s.get("events"), FigureCatalogue.Kind.COUNT, locale)));
      }
    }
    if (!drawable) {
      points = List.of();
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("steps", points.stream().map(p -> List.of(p[0], p[1], p[2], p[3])).toList());
    data.put(
        "labels",
        Map.of(
            "x", text.message("curve.days", locale),
            "survival", text.message("curve.survival", locale),
            "band", text.message("curve.band", locale)));
    return new ChartView(
        id,
        ChartType.SURVIVAL,
        label,
        drawable,
        scriptJson(data),
        headers,
        rows,
        points,
        List.of(),
        List.of(),
        1.0,
        true);
  }

  private ChartView bars(DashboardView view, Chart chart, String id, String label, Locale locale) {
    List<String> categories = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    boolean any = false;
    for (String path : chart.barPaths()) {
      Row row = row(view, FigureCatalogue.item(path), locale);
      categories.add(row.name());
      values.add(row.suppressed() ? null : row.number());
      any |= !row.suppressed() && row.number() != null;
      rows.add(List.of(row.name(), row.value()));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("categories", categories);
    data.put(
        "series",
        List.of(Map.of("name", text.message("chart.value", locale), "values", nullable(values))));
    data.put("percent", chart.percent());
    data.put("max", chart.max());
    return new ChartView(
        id,
        ChartType.BARS,
        label,
        any,
        scriptJson(data),
        List.of(text.message("chart.measure", locale), text.message("chart.value", locale)),
        rows,
        List.of(),
        categories,
        values,
        chart.max(),
        chart.percent());
  }

  /** JSON to sit inside a script element: no "</script>" can end it early. */
  private String scriptJson(Object data) {
    return json.writeValueAsString(data).replace("<", "\\u003c");
  }

  private static List<Object> nullable(List<Double> values) {
    List<Object> copy = new ArrayList<>(values.size());
    copy.addAll(values);
    return copy;
  }

  private String share(Object raw, Locale locale) {
    return raw instanceof Number n ? text.percent(n.doubleValue(), locale) : hidden(raw, locale);
  }

  private String hidden(Object raw, Locale locale) {
    return text.message(
        FigureText.suppressed(raw) ? "figure.suppressed" : "figure.no-data", locale);
  }

  private static double orElse(Object raw, double fallback) {
    return raw instanceof Number n ? n.doubleValue() : fallback;
  }
}
