package cymru.calon.query.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures by name, nested in sections, in the order they are shown. {@link #render} applies a
 * suppression to every figure and gives plain JSON values.
 */
public final class FigureTree {
  private final Map<String, Object> entries = new LinkedHashMap<>();

  public FigureTree put(String name, Figure figure) {
    entries.put(name, figure);
    return this;
  }

  public FigureTree put(String name, FigureTree section) {
    entries.put(name, section);
    return this;
  }

  public FigureTree put(String name, List<FigureTree> rows) {
    entries.put(name, List.copyOf(rows));
    return this;
  }

  /** A value that is not a figure (a period, an id): shown as it is. */
  public FigureTree putPlain(String name, Object value) {
    entries.put(name, new Plain(value));
    return this;
  }

  private record Plain(Object value) {}

  public Object get(String name) {
    return entries.get(name);
  }

  public Map<String, Object> render(Suppression suppression) {
    Map<String, Object> rendered = new LinkedHashMap<>();
    entries.forEach((name, value) -> rendered.put(name, render(value, suppression)));
    return rendered;
  }

  private static Object render(Object value, Suppression suppression) {
    return switch (value) {
      case Figure figure -> figure.render(suppression);
      case FigureTree tree -> tree.render(suppression);
      case Plain plain -> plain.value();
      case List<?> list -> {
        List<Object> rows = new ArrayList<>(list.size());
        list.forEach(row -> rows.add(render(row, suppression)));
        yield rows;
      }
      default -> throw new IllegalStateException("not a figure: " + value.getClass());
    };
  }
}
