package cymru.calon.query.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every word of the pages comes from the message bundles, and the English and Welsh bundles have
 * exactly the same keys: a page can never show a missing message, or English in the middle of
 * Welsh.
 */
class MessageBundlesTest {
  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  /** Attributes a reader sees or hears: they must come from messages too. */
  private static final Set<String> READ_ATTRIBUTES =
      Set.of("alt", "title", "aria-label", "placeholder", "aria-description", "summary");

  private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");

  @Test
  void englishAndWelsh_haveTheSameKeys() throws IOException {
    Set<String> english = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
    Set<String> welsh = new TreeSet<>(bundle("messages_cy.properties").stringPropertyNames());
    Set<String> onlyEnglish = new TreeSet<>(english);
    onlyEnglish.removeAll(welsh);
    Set<String> onlyWelsh = new TreeSet<>(welsh);
    onlyWelsh.removeAll(english);
    assertThat(onlyEnglish).as("keys missing in Welsh").isEmpty();
    assertThat(onlyWelsh).as("keys missing in English").isEmpty();
    assertThat(english).hasSizeGreaterThan(250);
  }

  @Test
  void noWelshMessage_isLeftInEnglish() throws IOException {
    Properties english = bundle("messages.properties");
    Properties welsh = bundle("messages_cy.properties");
    // Names of languages, codes and the product name read the same in both.
    Set<String> same =
        Set.of(
            "app.name",
            "page.title",
            "nav.label",
            "language.english",
            "language.welsh",
            "dashboard.service-scope",
            "section.staff.title",
            "figure.rate");
    List<String> untranslated = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      if (!same.contains(key)
          && !key.startsWith("area.")
          && english.getProperty(key).length() > 12
          && english.getProperty(key).equals(welsh.getProperty(key))) {
        untranslated.add(key);
      }
    }
    assertThat(untranslated).isEmpty();
  }

  @Test
  void everyFigureOfTheCatalogue_hasANameAndHelpInBothLanguages() throws IOException {
    for (String file : List.of("messages.properties", "messages_cy.properties")) {
      Properties messages = bundle(file);
      for (FigureCatalogue.Section section : FigureCatalogue.SECTIONS) {
        assertThat(messages).containsKeys(section.titleKey(), section.helpKey());
        if (section.chart() != null) {
          assertThat(messages).containsKey("section." + section.id() + ".chart");
        }
        for (FigureCatalogue.Item item : section.items()) {
          assertThat(messages).as(file).containsKeys(item.nameKey(), item.helpKey());
        }
      }
    }
  }

  @Test
  void everyMessageATemplateNames_exists() throws IOException {
    Properties english = bundle("messages.properties");
    // The subject-access record's words have their own bundle (RecordBundlesTest).
    english.putAll(bundle("record.properties"));
    List<String> missing = new ArrayList<>();
    for (Path template : templates()) {
      Matcher keys = MESSAGE_KEY.matcher(Files.readString(template));
      while (keys.find()) {
        if (!english.containsKey(keys.group(1))) {
          missing.add(template.getFileName() + ": " + keys.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void noTemplate_containsLiteralText() throws IOException {
    List<String> literal = new ArrayList<>();
    for (Path template : templates()) {
      Document html = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
      for (Element element : html.getAllElements()) {
        String tag = element.tagName();
        if (tag.equals("script")
            || tag.equals("style")
            || element.hasAttr("th:text")
            || element.hasAttr("th:utext")) {
          continue;
        }
        for (TextNode text : element.textNodes()) {
          if (!text.text().isBlank()) {
            literal.add(template.getFileName() + " <" + tag + ">: " + text.text().strip());
          }
        }
        for (Attribute attribute : element.attributes()) {
          if (READ_ATTRIBUTES.contains(attribute.getKey()) && !attribute.getValue().isBlank()) {
            literal.add(
                template.getFileName() + " @" + attribute.getKey() + ": " + attribute.getValue());
          }
        }
      }
    }
    assertThat(literal).isEmpty();
  }

  @Test
  void welshCounts_useTheirOwnPluralForms() {
    IcuMessageSource messages = new IcuMessageSource();
    Locale welsh = Languages.WELSH;
    assertThat(messages.getMessage("figure.days", new Object[] {2}, welsh)).isEqualTo("2 ddiwrnod");
    assertThat(messages.getMessage("figure.days", new Object[] {3}, welsh)).isEqualTo("3 diwrnod");
    assertThat(messages.getMessage("figure.minutes", new Object[] {2}, welsh)).isEqualTo("2 funud");
    assertThat(messages.getMessage("figure.days", new Object[] {1}, Locale.ENGLISH))
        .isEqualTo("1 day");
    assertThat(messages.getMessage("figure.days", new Object[] {12.5}, Locale.ENGLISH))
        .isEqualTo("12.5 days");
    // A lone apostrophe is the letter it is in Welsh, not a quote.
    assertThat(messages.getMessage("page.skip", null, welsh)).isEqualTo("Neidio i'r prif gynnwys");
    assertThat(messages.getMessage("section.tellItOnce.title", null, Locale.ENGLISH))
        .isEqualTo("Telling one's story once");
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/calon/" + name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
