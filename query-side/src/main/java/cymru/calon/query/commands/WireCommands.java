package cymru.calon.query.commands;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.episode.EpisodeCommand;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.errors.Rejection;
import cymru.calon.commands.api.person.PersonCommand;
import cymru.calon.commands.api.service.ServiceCommand;
import cymru.calon.commands.api.worker.WorkerCommand;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the wire form of DOMAIN.md: a JSON object whose {@code type} is the command name, with
 * {@code commandId} and the command's fields. Error messages name fields, never the values
 * submitted, because values may be personal data.
 */
@Component
public class WireCommands {
  /**
   * Every command accepted on the wire, by its public name: the simple names of the aggregates'
   * sealed command interfaces, so a new command is on the wire as soon as it is in the model.
   */
  public static final Map<String, Class<? extends Command>> TYPES =
      Stream.of(
              ServiceCommand.class, WorkerCommand.class, PersonCommand.class, EpisodeCommand.class)
          .flatMap(family -> Stream.of(family.getPermittedSubclasses()))
          .collect(
              Collectors.toUnmodifiableMap(
                  Class::getSimpleName, type -> type.asSubclass(Command.class)));

  private final JsonMapper json;

  /** One reader per command type (immutable, and not free to make for every command). */
  private final Map<Class<?>, ObjectReader> readers =
      new java.util.concurrent.ConcurrentHashMap<>();

  public WireCommands(JsonMapper json) {
    this.json = json;
  }

  public ParsedCommand read(byte[] body) {
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (JacksonException e) {
      throw malformed("The body is not valid JSON.");
    }
    if (tree == null || !tree.isObject()) {
      throw malformed("A command is one JSON object.");
    }
    return read((ObjectNode) tree);
  }

  /** Reads a tree this class parsed itself, so it may take {@code type} and the id out of it. */
  private ParsedCommand read(ObjectNode node) {
    String type = node.path("type").isString() ? node.path("type").asString() : null;
    Class<? extends Command> commandClass = type == null ? null : TYPES.get(type);
    if (commandClass == null) {
      throw new CommandRejected(
          new Rejection(
              BusinessErrorCode.UNKNOWN_COMMAND_TYPE,
              "type must name a command: "
                  + String.join(", ", TYPES.keySet().stream().sorted().toList()),
              List.of(new FieldError("type", type == null ? "is required" : "is not a command"))));
    }
    UUID commandId = commandId(node.path("commandId"));
    node.remove(Set.of("type", "commandId"));
    ObjectReader reader =
        readers.computeIfAbsent(
            commandClass,
            c -> json.readerFor(c).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    try {
      return new ParsedCommand(commandId, reader.readValue(node));
    } catch (DatabindException e) {
      throw invalid(new FieldError(path(e), problem(e)));
    } catch (JacksonException e) {
      throw malformed("The command could not be read.");
    }
  }

  private static UUID commandId(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      throw invalid(new FieldError("commandId", "is required"));
    }
    try {
      return UUID.fromString(value.asString());
    } catch (IllegalArgumentException e) {
      throw invalid(new FieldError("commandId", "must be a UUID"));
    }
  }

  private static String path(DatabindException e) {
    String path =
        e.getPath().stream()
            .map(
                ref ->
                    ref.getPropertyName() != null
                        ? ref.getPropertyName()
                        : "[" + ref.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return path.isEmpty() ? "(body)" : path;
  }

  private static String problem(DatabindException e) {
    if (e instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
      return "is not a field of this command";
    }
    return "has a value of the wrong type or format";
  }

  private static CommandRejected invalid(FieldError error) {
    return new CommandRejected(
        new Rejection(
            BusinessErrorCode.INVALID_FIELDS,
            "The command has invalid or missing fields.",
            List.of(error)));
  }

  private static CommandRejected malformed(String detail) {
    return new CommandRejected(Rejection.of(BusinessErrorCode.MALFORMED_COMMAND, detail));
  }
}
