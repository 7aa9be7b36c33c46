package cymru.calon.query.web;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.Identifier;
import cymru.calon.query.commands.WireCommands;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents the command endpoint from the model itself: one schema per command (every name of
 * {@link WireCommands#TYPES}, with {@code type} and {@code commandId}), and the problem responses
 * with every {@link BusinessErrorCode} under the status it gets. The endpoint reads its body as a
 * stream, so without this springdoc would see no schema at all.
 */
@Configuration(proxyBeanMethods = false)
class CommandsOpenApi {
  private static final String COMMANDS_PATH = "/api/v1/commands";
  private static final String SCHEMAS = "#/components/schemas/";

  /** On the wire every typed identifier is its bare UUID string, not an object. */
  private static final Set<String> IDENTIFIERS =
      Arrays.stream(Identifier.class.getPermittedSubclasses())
          .map(Class::getSimpleName)
          .collect(Collectors.toUnmodifiableSet());

  @Bean
  OpenApiCustomizer commandSchemas() {
    return openApi -> {
      Components components = components(openApi);
      List<Schema> variants = new ArrayList<>();
      WireCommands.TYPES.keySet().stream()
          .sorted()
          .forEach(name -> variants.add(ref(addCommand(components, name))));
      components.addSchemas(
          "Command",
          new ComposedSchema()
              .oneOf(variants)
              .discriminator(new Discriminator().propertyName("type"))
              .description("One command in the wire form of DOMAIN.md."));
      components.addSchemas("ErrorCode", errorCodes());
      components.addSchemas("Problem", problem());
      PathItem path = openApi.getPaths() == null ? null : openApi.getPaths().get(COMMANDS_PATH);
      if (path != null && path.getPost() != null) {
        document(path.getPost());
      }
    };
  }

  private static Components components(OpenAPI openApi) {
    if (openApi.getComponents() == null) {
      openApi.setComponents(new Components());
    }
    return openApi.getComponents();
  }

  private static String addCommand(Components components, String name) {
    ResolvedSchema resolved =
        ModelConverters.getInstance()
            .resolveAsResolvedSchema(
                new AnnotatedType(WireCommands.TYPES.get(name)).resolveAsRef(false));
    if (resolved.referencedSchemas != null) {
      resolved.referencedSchemas.forEach(
          (refName, referenced) -> {
            if (!IDENTIFIERS.contains(refName)) {
              components.addSchemas(refName, referenced);
            }
          });
    }
    Schema<?> schema = resolved.schema;
    Map<String, Schema> fields = schema.getProperties();
    if (fields != null) {
      fields.replaceAll((field, property) -> identifierAsUuid(property));
    }
    schema.setProperties(new java.util.LinkedHashMap<>());
    schema.addProperty("type", new StringSchema()._enum(List.of(name)));
    schema.addProperty("commandId", new StringSchema().format("uuid"));
    if (fields != null) {
      fields.forEach(schema::addProperty);
    }
    schema.addRequiredItem("type");
    schema.addRequiredItem("commandId");
    schema.setName(name);
    components.addSchemas(name, schema);
    return name;
  }

  private static Schema identifierAsUuid(Schema property) {
    String ref = property.get$ref();
    if (ref != null && IDENTIFIERS.contains(ref.substring(ref.lastIndexOf('/') + 1))) {
      return new StringSchema().format("uuid");
    }
    return property;
  }

  private static Schema<?> ref(String name) {
    return new Schema<>().$ref(SCHEMAS + name);
  }

  private static Schema<?> errorCodes() {
    StringSchema codes = new StringSchema();
    Arrays.stream(BusinessErrorCode.values()).map(Enum::name).forEach(codes::addEnumItem);
    codes.addEnumItem("COMMAND_TOO_LARGE");
    codes.addEnumItem("UNSUPPORTED_MEDIA_TYPE");
    codes.addEnumItem("NOT_FOUND");
    codes.addEnumItem("UNAUTHENTICATED");
    return codes.description(
        "The business error code of a problem: what a client branches on. By status: "
            + Arrays.stream(BusinessErrorCode.Category.values())
                .map(
                    category ->
                        Problems.status(category).value()
                            + " "
                            + codesOf(category).stream().collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))
            + "; 413 COMMAND_TOO_LARGE; 415 UNSUPPORTED_MEDIA_TYPE; 404 NOT_FOUND for an"
            + " unknown resource on a read; 401 UNAUTHENTICATED without valid credentials; 403"
            + " FORBIDDEN also for a read the signed-in user may not see.");
  }

  private static List<String> codesOf(BusinessErrorCode.Category category) {
    return Arrays.stream(BusinessErrorCode.values())
        .filter(code -> code.category() == category)
        .map(Enum::name)
        .toList();
  }

  private static Schema<?> problem() {
    return new ObjectSchema()
        .description("An RFC 9457 problem with Calon's business error code.")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("code", ref("ErrorCode"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(
                    new ObjectSchema()
                        .addProperty("field", new StringSchema())
                        .addProperty("message", new StringSchema())));
  }

  private static void document(Operation post) {
    post.requestBody(
        new RequestBody()
            .required(true)
            .content(
                new Content()
                    .addMediaType("application/json", new MediaType().schema(ref("Command")))));
    var responses = post.getResponses();
    responses.addApiResponse(
        "400",
        problemResponse(
            "Malformed JSON or invalid fields: "
                + String.join(", ", codesOf(BusinessErrorCode.Category.INVALID))));
    responses.addApiResponse(
        "401",
        problemResponse("No valid credentials (HTTP Basic or a bearer token): UNAUTHENTICATED"));
    responses.addApiResponse(
        "403",
        problemResponse(
            "The signed-in user may not issue this command (another organisation's records, a"
                + " service they do not commission, or a role that issues none); nothing was"
                + " stored: FORBIDDEN"));
    responses.addApiResponse(
        "404",
        problemResponse(
            "An aggregate the command names does not exist: "
                + String.join(", ", codesOf(BusinessErrorCode.Category.NOT_FOUND))));
    responses.addApiResponse(
        "409",
        problemResponse(
            "A business rule or the commandId promise refused it; nothing was stored: "
                + String.join(", ", codesOf(BusinessErrorCode.Category.CONFLICT))));
    responses.addApiResponse(
        "413", problemResponse("The body is over the size limit: COMMAND_TOO_LARGE"));
    responses.addApiResponse(
        "415", problemResponse("The body is not application/json: UNSUPPORTED_MEDIA_TYPE"));
  }

  private static ApiResponse problemResponse(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType("application/problem+json", new MediaType().schema(ref("Problem"))));
  }
}
