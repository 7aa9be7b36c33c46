package cymru.calon.query.pages;

import cymru.calon.query.pages.DashboardPresenter.ChartView;
import cymru.calon.query.pages.FigureCatalogue.ChartType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The charts of a PDF report, drawn on the server (a PDF runs no script): the same survival curve
 * with its band, and the same bars, as the page draws with ECharts, from the same data.
 */
final class ChartImages {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 560;
  private static final int LEFT = 110;
  private static final int RIGHT = 40;
  private static final int TOP = 40;
  private static final int BOTTOM = 120;
  private static final Color BLUE = new Color(0x1d, 0x70, 0xb8);
  private static final Color BAND = new Color(0x1d, 0x70, 0xb8, 0x40);
  private static final Color TEXT = new Color(0x0b, 0x0c, 0x0c);
  private static final Color GRID = new Color(0xb1, 0xb4, 0xb6);
  private static final Font FONT = font();

  private final FigureText text;

  ChartImages(FigureText text) {
    this.text = text;
  }

  /** The chart as a PNG, or null when suppression leaves nothing to draw. */
  byte[] png(ChartView chart, Locale locale) {
    if (!chart.drawable()) {
      return null;
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setFont(FONT);
      if (chart.type() == ChartType.SURVIVAL) {
        survival(g, chart, locale);
      } else {
        bars(g, chart, locale);
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private void survival(Graphics2D g, ChartView chart, Locale locale) {
    List<double[]> points = chart.points();
    double maxT = Math.max(1, points.getLast()[0]);
    axes(g, 1.0, true, locale);
    Path2D band = new Path2D.Double();
    Path2D curve = new Path2D.Double();
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      double x = x(p[0], maxT);
      if (i == 0) {
        curve.moveTo(x, y(p[1], 1));
      } else {
        curve.lineTo(x, y(points.get(i - 1)[1], 1));
        curve.lineTo(x, y(p[1], 1));
      }
    }
    curve.lineTo(x(maxT, maxT), y(points.getLast()[1], 1));
    for (int i = 0; i < points.size(); i++) {
      double[] p = points.get(i);
      double next = i + 1 < points.size() ? points.get(i + 1)[0] : maxT;
      band.moveTo(x(p[0], maxT), y(p[3], 1));
      band.lineTo(x(next, maxT), y(p[3], 1));
      band.lineTo(x(next, maxT), y(p[2], 1));
      band.lineTo(x(p[0], maxT), y(p[2], 1));
      band.closePath();
    }
    g.setColor(BAND);
    g.fill(band);
    g.setColor(BLUE);
    g.setStroke(new BasicStroke(4));
    g.draw(curve);
    g.setColor(TEXT);
    for (int i = 0; i <= 4; i++) {
      double t = maxT * i / 4;
      String label = text.decimal(t, 0, locale);
      g.drawString(
          label,
          (int) x(t, maxT) - g.getFontMetrics().stringWidth(label) / 2,
          HEIGHT - BOTTOM + 36);
    }
    String axis = text.message("curve.days", locale);
    g.drawString(
        axis,
        LEFT + (WIDTH - LEFT - RIGHT - g.getFontMetrics().stringWidth(axis)) / 2,
        HEIGHT - 40);
  }

  private void bars(Graphics2D g, ChartView chart, Locale locale) {
    List<Double> values = chart.values();
    double max = chart.max() != null ? chart.max() : 0;
    for (Double v : values) {
      if (v != null) {
        max = Math.max(max, v);
      }
    }
    max = max <= 0 ? 1 : max;
    axes(g, max, chart.percent(), locale);
    int n = values.size();
    double slot = (WIDTH - LEFT - RIGHT) / (double) n;
    double barWidth = Math.min(96, slot * 0.6);
    for (int i = 0; i < n; i++) {
      double centre = LEFT + slot * (i + 0.5);
      Double v = values.get(i);
      if (v != null) {
        g.setColor(BLUE);
        double top = y(v, max);
        g.fillRect(
            (int) (centre - barWidth / 2), (int) top, (int) barWidth, (int) (y(0, max) - top));
      }
      g.setColor(TEXT);
      String label = chart.categories().get(i);
      drawWrapped(g, label, centre, HEIGHT - BOTTOM + 32, (int) slot - 8);
    }
  }

  private void axes(Graphics2D g, double max, boolean percent, Locale locale) {
    g.setStroke(new BasicStroke(1));
    for (int i = 0; i <= 4; i++) {
      double v = max * i / 4;
      int y = (int) y(v, max);
      g.setColor(GRID);
      g.drawLine(LEFT, y, WIDTH - RIGHT, y);
      g.setColor(TEXT);
      String label = percent ? text.percent(v, locale) : text.decimal(v, max >= 4 ? 0 : 2, locale);
      g.drawString(label, LEFT - 12 - g.getFontMetrics().stringWidth(label), y + 8);
    }
  }

  private static void drawWrapped(Graphics2D g, String label, double centre, int y, int width) {
    StringBuilder line = new StringBuilder();
    int lineY = y;
    for (String word : label.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (g.getFontMetrics().stringWidth(candidate) > width && !line.isEmpty()) {
        g.drawString(
            line.toString(),
            (int) (centre - g.getFontMetrics().stringWidth(line.toString()) / 2.0),
            lineY);
        line = new StringBuilder(word);
        lineY += g.getFontMetrics().getHeight();
      } else {
        line = new StringBuilder(candidate);
      }
    }
    g.drawString(
        line.toString(),
        (int) (centre - g.getFontMetrics().stringWidth(line.toString()) / 2.0),
        lineY);
  }

  private static double x(double t, double maxT) {
    return LEFT + (WIDTH - LEFT - RIGHT) * (t / maxT);
  }

  private static double y(double v, double max) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - v / max);
  }

  private static Font font() {
    try (InputStream in = ChartImages.class.getResourceAsStream("/calon/fonts/DejaVuSans.ttf")) {
      if (in == null) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, 22);
      }
      return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(22f);
    } catch (IOException | FontFormatException e) {
      return new Font(Font.SANS_SERIF, Font.PLAIN, 22);
    }
  }
}
