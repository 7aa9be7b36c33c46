package cymru.calon.query.pages;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The pages' messages, formatted by ICU4J rather than {@code java.text.MessageFormat}: ICU knows
 * each language's plural rules (Welsh has six forms: zero, one, two, few, many, other) and takes a
 * lone apostrophe as the letter it is in Welsh ("i'r", "a'r").
 */
final class IcuMessageSource extends ResourceBundleMessageSource {
  IcuMessageSource() {
    setBasenames("calon/messages", "calon/record");
    setDefaultEncoding("UTF-8");
    // A key missing in Welsh falls back to the English bundle, never to the machine's locale;
    // MessageBundlesTest keeps the two bundles' keys identical.
    setFallbackToSystemLocale(false);
  }

  @Override
  protected String getMessageInternal(String code, Object[] args, Locale locale) {
    if (code == null) {
      return null;
    }
    Locale language = locale == null ? Locale.ENGLISH : locale;
    String pattern = resolveCodeWithoutArguments(code, language);
    if (pattern == null) {
      return null;
    }
    return new MessageFormat(pattern, ULocale.forLocale(language))
        .format(args == null ? new Object[0] : args);
  }
}
