package cymru.calon.query.people;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.query.pages.Languages;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SubjectAccessJsonTest {
  private final SubjectAccessJson export = new SubjectAccessJson(RecordSamples.text());
  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void theExport_hasEveryEvent_withItsFieldsAndItsWords_andNoSealedData() {
    String body =
        json.writeValueAsString(export.build(RecordSamples.record(true), Languages.WELSH));
    assertThat(body)
        .doesNotContain(RecordSamples.CIPHERTEXT, RecordSamples.STORY_CIPHERTEXT)
        .contains(RecordSamples.NAME, RecordSamples.STORY);

    JsonNode root = json.readTree(body);
    assertThat(names(root))
        .containsExactly(
            "personId",
            "organisationId",
            "language",
            "generatedAt",
            "forgotten",
            "details",
            "events",
            "views");
    assertThat(root.get("personId").asString()).isEqualTo(RecordSamples.PERSON.toString());
    assertThat(root.get("language").asString()).isEqualTo("cy");
    assertThat(root.get("generatedAt").asString()).isEqualTo("2026-12-02T07:00:00Z");
    assertThat(root.get("forgotten").asBoolean()).isFalse();
    assertThat(root.get("details").get("name").asString()).isEqualTo(RecordSamples.NAME);
    assertThat(root.get("details").get("dateOfBirth").asString()).isEqualTo("1990-12-01");
    assertThat(root.get("details").get("externalReferences").get(0).get("system").asString())
        .isEqualTo("NHS_NUMBER");

    // Every type but PersonForgotten, which this (not forgotten) person has not had.
    assertThat(root.get("events").size()).isEqualTo(RecordSamples.eventTypes().size() - 1);
    for (JsonNode event : root.get("events")) {
      assertThat(names(event))
          .containsExactly("eventId", "type", "occurredAt", "recordedAt", "description", "fields");
      assertThat(event.get("description").asString()).isNotBlank();
    }
    JsonNode registered = event(root, "PersonRegistered");
    assertThat(names(registered.get("fields")))
        .containsExactly(
            "personId",
            "organisationId",
            "preferredLanguage",
            "interpreterNeeded",
            "ageBand",
            "occurredAt");
    assertThat(registered.get("fields").get("ageBand").asString()).isEqualTo("25-34");
    assertThat(registered.get("description").asString()).contains("enw: " + RecordSamples.NAME);

    JsonNode contact = event(root, "ContactRecorded");
    assertThat(contact.get("fields").get("minutes").asInt()).isEqualTo(45);
    assertThat(contact.get("fields").get("workerId").asString())
        .isEqualTo(RecordSamples.WORKER.value().toString());
    assertThat(contact.get("fields").get("choicesOffered").toString())
        .isEqualTo("[\"TIME\",\"PLACE\"]");
    assertThat(contact.get("fields").get("storyRetold").asBoolean()).isFalse();
    assertThat(contact.get("description").asString()).startsWith("Cyfarfod wyneb yn wyneb am 45");
    assertThat(contact.get("recordedAt").asString())
        .isNotEqualTo(contact.get("occurredAt").asString());

    JsonNode story = event(root, "StoryShared");
    assertThat(story.get("fields").has("text")).isFalse();
    assertThat(story.get("fields").get("relationalValues").toString()).isEqualTo("[1,4]");
    assertThat(story.get("description").asString()).contains(RecordSamples.STORY);

    JsonNode view = root.get("views").get(1);
    assertThat(names(view)).containsExactly("at", "viewer", "role", "what", "why", "description");
    assertThat(view.get("what").asString()).isEqualTo("SUBJECT_ACCESS_EXPORT");
    assertThat(view.get("description").asString())
        .isEqualTo(
            "Ar 2 Rhagfyr 2026, 06:59, allforiodd Ceri Morgan (staff eich gwasanaeth cymorth) eich"
                + " cofnod. Y rheswm a roddwyd: Subject access request.");
  }

  @Test
  void onceThePersonIsForgotten_theExportHasNoDetailsAndNoWords() {
    String body =
        json.writeValueAsString(export.build(RecordSamples.record(false), Languages.ENGLISH));
    assertThat(body)
        .doesNotContain(RecordSamples.CIPHERTEXT, RecordSamples.STORY_CIPHERTEXT)
        .doesNotContain(RecordSamples.NAME, RecordSamples.STORY, "943 476 5919");
    JsonNode root = json.readTree(body);
    assertThat(root.get("forgotten").asBoolean()).isTrue();
    assertThat(root.get("details").isNull()).isTrue();
    assertThat(root.get("language").asString()).isEqualTo("en");
    assertThat(event(root, "PersonRegistered").get("description").asString())
        .contains("were erased and can no longer be shown");
    assertThat(event(root, "StoryShared").get("description").asString())
        .contains("Its words were erased and can no longer be shown.");
    assertThat(event(root, "PersonForgotten").get("description").asString())
        .startsWith("Your personal details were erased");
  }

  private static JsonNode event(JsonNode root, String type) {
    for (JsonNode event : root.get("events")) {
      if (event.get("type").asString().equals(type)) {
        return event;
      }
    }
    throw new AssertionError("no " + type);
  }

  private static List<String> names(JsonNode node) {
    return new ArrayList<>(node.propertyNames());
  }
}
