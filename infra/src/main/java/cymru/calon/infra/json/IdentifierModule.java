package cymru.calon.infra.json;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.Identifier;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.OutcomeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.person.AgeBand;
import cymru.calon.commands.api.person.Sealed;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes every typed identifier as its bare UUID string and reads it back, both on the wire and in
 * stored events, so {@code "episodeId":"…"} is the frozen JSON form.
 */
public final class IdentifierModule extends SimpleModule {
  public IdentifierModule() {
    super("calon-identifiers");
    addSerializer(Identifier.class, new IdentifierSerializer());
    id(ServiceId.class, ServiceId::new);
    id(OrganisationId.class, OrganisationId::new);
    id(CommissionerId.class, CommissionerId::new);
    id(EpisodeId.class, EpisodeId::new);
    id(PersonId.class, PersonId::new);
    id(WorkerId.class, WorkerId::new);
    id(ContactId.class, ContactId::new);
    id(OutcomeId.class, OutcomeId::new);
    id(StoryId.class, StoryId::new);
    addSerializer(AgeBand.class, new AgeBandSerializer());
    addDeserializer(AgeBand.class, new AgeBandDeserializer());
    addSerializer(Sealed.class, new SealedSerializer());
    addDeserializer(Sealed.class, new SealedDeserializer());
  }

  /** An age band is its label, {@code "18-24"} … {@code "65+"}, as DOMAIN.md writes it. */
  private static final class AgeBandSerializer extends ValueSerializer<AgeBand> {
    @Override
    public void serialize(AgeBand value, JsonGenerator gen, SerializationContext ctxt)
        throws JacksonException {
      gen.writeString(value.label());
    }
  }

  private static final class AgeBandDeserializer extends ValueDeserializer<AgeBand> {
    @Override
    public AgeBand deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        var band = AgeBand.ofLabel(p.getString());
        if (band.isPresent()) {
          return band.get();
        }
      }
      throw InvalidFormatException.from(
          p, "an age band is one of 18-24, 25-34, 35-44, 45-54, 55-64, 65+", null, AgeBand.class);
    }
  }

  /** Sealed personal data is its ciphertext string. */
  private static final class SealedSerializer extends ValueSerializer<Sealed> {
    @Override
    public void serialize(Sealed value, JsonGenerator gen, SerializationContext ctxt)
        throws JacksonException {
      gen.writeString(value.ciphertext());
    }
  }

  private static final class SealedDeserializer extends ValueDeserializer<Sealed> {
    @Override
    public Sealed deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw InvalidFormatException.from(p, "sealed data is a string", null, Sealed.class);
      }
      return new Sealed(p.getString());
    }
  }

  private <T extends Identifier> void id(Class<T> type, Function<UUID, T> factory) {
    addDeserializer(type, new IdentifierDeserializer<>(type, factory));
  }

  private static final class IdentifierSerializer extends ValueSerializer<Identifier> {
    @Override
    public void serialize(Identifier value, JsonGenerator gen, SerializationContext ctxt)
        throws JacksonException {
      gen.writeString(value.value().toString());
    }
  }

  private static final class IdentifierDeserializer<T extends Identifier>
      extends ValueDeserializer<T> {
    private final Class<T> type;
    private final Function<UUID, T> factory;

    IdentifierDeserializer(Class<T> type, Function<UUID, T> factory) {
      this.type = type;
      this.factory = factory;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw InvalidFormatException.from(p, "an identifier is a UUID string", null, type);
      }
      String text = p.getString();
      try {
        return factory.apply(UUID.fromString(text));
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(p, "an identifier is a UUID string", null, type);
      }
    }
  }
}
