package cymru.calon.query.pages;

import java.util.List;
import java.util.Locale;

/** The languages of Calon's pages and reports: English and Welsh, English by default. */
public final class Languages {
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final Locale WELSH = Locale.forLanguageTag("cy");
  public static final List<Locale> ALL = List.of(ENGLISH, WELSH);

  private Languages() {}

  /** The supported language closest to {@code locale}: Welsh for any Welsh, else English. */
  public static Locale of(Locale locale) {
    return locale != null && "cy".equals(locale.getLanguage()) ? WELSH : ENGLISH;
  }

  /** The supported language named by a {@code lang} parameter, or English. */
  public static Locale of(String tag) {
    return tag == null ? ENGLISH : of(Locale.forLanguageTag(tag.strip()));
  }
}
