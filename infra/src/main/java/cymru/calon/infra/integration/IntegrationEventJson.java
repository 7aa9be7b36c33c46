package cymru.calon.infra.integration;

import cymru.calon.infra.json.IdentifierModule;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a published record back into its integration event, for consumers in Calon's own code (the
 * policy warehouse). A record of a kind this release does not know is not an error: a newer Calon
 * may publish kinds an older consumer has never heard of, so it reads as empty and the consumer
 * decides (the warehouse skips and counts it). Fields it does not know are ignored, as v1 allows
 * optional fields to be added.
 */
public final class IntegrationEventJson {
  private static final Map<String, Class<? extends IntegrationEvent>> KINDS =
      Stream.of(IntegrationEvent.class.getPermittedSubclasses())
          .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
          .map(type -> type.asSubclass(IntegrationEvent.class))
          .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

  private final JsonMapper json =
      JsonMapper.builder()
          .addModule(new IdentifierModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .registerSubtypes(KINDS.values().toArray(Class<?>[]::new))
          .build();

  /** The kinds of integration event this release publishes and reads, by their {@code type}. */
  public static java.util.Set<String> kinds() {
    return KINDS.keySet();
  }

  /** The record's {@code type}, or null when it has none (or is not a JSON object at all). */
  public String typeOf(byte[] record) {
    JsonNode type;
    try {
      type = json.readTree(record).get("type");
    } catch (tools.jackson.core.JacksonException e) {
      return null;
    }
    return type == null || !type.isString() ? null : type.asString();
  }

  /**
   * The integration event of a record, or empty when it is of a kind this release does not know.
   *
   * @throws tools.jackson.core.JacksonException when a record of a known kind cannot be read
   */
  public Optional<IntegrationEvent> read(byte[] record) {
    String type = typeOf(record);
    Class<? extends IntegrationEvent> kind = type == null ? null : KINDS.get(type);
    if (kind == null) {
      return Optional.empty();
    }
    return Optional.of(json.readValue(record, kind));
  }

  /** The published JSON of an event (what the outbox sends). */
  public byte[] write(IntegrationEvent event) {
    return json.writeValueAsBytes(event);
  }
}
