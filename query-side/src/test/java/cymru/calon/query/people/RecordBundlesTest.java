package cymru.calon.query.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The record's English and Welsh words: the same keys, every one translated, every one valid. */
class RecordBundlesTest {
  /** Patterns with no words in them read the same in both languages. */
  private static final Set<String> SAME = Set.of("record.details.reference", "record.view.who");

  @Test
  void englishAndWelsh_haveTheSameKeys() throws IOException {
    Set<String> english =
        new TreeSet<>(RecordTextTest.bundle("record.properties").stringPropertyNames());
    Set<String> welsh =
        new TreeSet<>(RecordTextTest.bundle("record_cy.properties").stringPropertyNames());
    assertThat(welsh).isEqualTo(english);
    assertThat(english).hasSizeGreaterThan(150);
  }

  @Test
  void noWelshMessage_isLeftInEnglish() throws IOException {
    Properties english = RecordTextTest.bundle("record.properties");
    Properties welsh = RecordTextTest.bundle("record_cy.properties");
    List<String> untranslated = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      if (!SAME.contains(key) && english.getProperty(key).equals(welsh.getProperty(key))) {
        untranslated.add(key);
      }
    }
    assertThat(untranslated).isEmpty();
    for (String key : SAME) {
      assertThat(welsh.getProperty(key)).isEqualTo(english.getProperty(key));
    }
  }

  private static long apostrophes(String text) {
    return text.chars().filter(c -> c == '\'').count();
  }

  @Test
  void everyMessage_isAValidIcuPattern_andWelshCountsHaveAllSixForms() throws IOException {
    for (String[] bundle :
        List.of(
            new String[] {"record.properties", "en"},
            new String[] {"record_cy.properties", "cy"})) {
      Properties messages = RecordTextTest.bundle(bundle[0]);
      for (String key : messages.stringPropertyNames()) {
        String pattern = messages.getProperty(key);
        Object[] args = new Object[10];
        for (int i = 0; i < args.length; i++) {
          args[i] = pattern.contains("{" + i + ", plural") ? (Object) 2 : "<" + i + ">";
        }
        String formatted =
            new MessageFormat(pattern, ULocale.forLanguageTag(bundle[1])).format(args);
        assertThat(formatted).as(key).doesNotContain("{", "}");
        // A lone apostrophe stays the letter it is: it never quotes the rest of the message.
        assertThat(apostrophes(formatted)).as(key).isEqualTo(apostrophes(pattern));
      }
    }
    Properties welsh = RecordTextTest.bundle("record_cy.properties");
    for (String key : List.of("record.minutes", "record.days")) {
      assertThat(welsh.getProperty(key))
          .contains("zero {", "one {", "two {", "few {", "many {", "other {");
    }
  }
}
