package cymru.calon.infra.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** What a published record may contain: no personal-data field, and no string but a code. */
public final class PublishedRecords {
  private static final Set<String> FORBIDDEN_KEYS =
      Set.of(
          "name",
          "dateOfBirth",
          "contactDetails",
          "externalReferences",
          "protectedDetails",
          "text",
          "story",
          "storyText",
          "address",
          "email",
          "phone",
          "nhsNumber",
          "homeOfficeReference",
          "notes");
  private static final Pattern CODE =
      Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" // a pseudonymous id
              + "|[A-Z][A-Z0-9_]*" // an enum constant or a GSS code
              + "|\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z)?" // a date or an instant
              + "|[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}"); // a BCP 47 language tag

  private PublishedRecords() {}

  public static void assertNoPersonalData(JsonNode node, String topic) {
    if (node.isObject()) {
      for (var field : node.properties()) {
        assertThat(FORBIDDEN_KEYS).as("a field of %s", topic).doesNotContain(field.getKey());
        if (field.getKey().equals("type")) {
          assertThat(field.getValue().asString()).matches("[A-Z][A-Za-z]+");
          continue;
        }
        assertNoPersonalData(field.getValue(), topic);
      }
    } else if (node.isArray()) {
      node.forEach(element -> assertNoPersonalData(element, topic));
    } else if (node.isString()) {
      assertThat(node.asString()).as("a code, never free text").matches(CODE);
    }
  }
}
