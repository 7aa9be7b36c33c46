package cymru.calon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.query.commands.WireCommands;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wiring that everything else relies on. */
class PlatformIT extends CalonIntegrationTest {
  @Autowired private TransactionManager axonTransactionManager;
  @Autowired private JsonMapper json;
  @Autowired private EventStorageEngine storageEngine;
  @Autowired private TokenStore tokenStore;
  @Autowired private org.axonframework.config.Configuration axonConfiguration;

  /**
   * Guards the Boot 4 trap (STACK.md): with NoTransactionManager, projection rows and tracking
   * tokens would no longer commit together.
   */
  @Test
  void axonUsesSpringsTransactionManager() {
    assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
  }

  /**
   * Calon's own wiring, which a wrong bean name would silently undo: aggregates find their
   * commands' targets through CommandTargets, and the projections read the lingering source.
   */
  @Test
  void aggregatesUseCalonsTargetResolver_andProjectionsReadTheLingeringSource() {
    assertThat(
            axonConfiguration.getComponent(CommandTargetResolver.class).getClass().getSimpleName())
        .isEqualTo("CommandTargets");
    for (String name : List.of("episode-figures-v1", "staff-figures-v1", "people-v1")) {
      var processor =
          axonConfiguration
              .eventProcessingConfiguration()
              .eventProcessor(name, TrackingEventProcessor.class)
              .orElseThrow();
      assertThat(processor.getMessageSource().getClass().getSimpleName())
          .as(name)
          .isEqualTo("LingeringEvents");
    }
  }

  @Test
  void eventsAndTokensAreStoredInPostgres() {
    assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
    assertThat(count("flyway_schema_history")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void healthIsUp_withProjectionsReady() {
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"projections\":{\"status\":\"UP\"");
    assertThat(health.body()).endsWith("\"status\":\"UP\"}");
  }

  @Test
  void openApiDocumentsTheEndpoints() {
    HttpResponse<String> docs = get("/v3/api-docs");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/v1/commands", "/api/v1/episodes/{episodeId}");
    // the signed-in user is no parameter of any operation
    assertThat(docs.body()).doesNotContain("\"name\":\"viewer\"");
    JsonNode api = json.readTree(docs.body());
    JsonNode schemas = api.path("components").path("schemas");
    for (String type : WireCommands.TYPES.keySet()) {
      assertThat(schemas.path(type).path("properties").path("type").path("enum").get(0).asString())
          .as(type)
          .isEqualTo(type);
      assertThat(schemas.path(type).path("properties").path("commandId").path("format").asString())
          .isEqualTo("uuid");
    }
    assertThat(
            schemas
                .path("RecordContact")
                .path("properties")
                .path("workerId")
                .path("type")
                .asString())
        .as("typed ids are documented as the UUID strings they are on the wire")
        .isEqualTo("string");
    assertThat(schemas.path("Command").path("oneOf")).hasSize(WireCommands.TYPES.size());
    List<String> codes = new ArrayList<>();
    schemas.path("ErrorCode").path("enum").forEach(code -> codes.add(code.asString()));
    assertThat(codes)
        .containsAll(Arrays.stream(BusinessErrorCode.values()).map(Enum::name).toList());
    JsonNode responses = api.path("paths").path("/api/v1/commands").path("post").path("responses");
    for (String status : List.of("200", "202", "400", "404", "409", "413", "415")) {
      assertThat(responses.has(status)).as(status).isTrue();
    }
    assertThat(responses.path("409").path("description").asString())
        .contains("EPISODE_CLOSED", "COMMAND_ID_REUSED");
  }
}
