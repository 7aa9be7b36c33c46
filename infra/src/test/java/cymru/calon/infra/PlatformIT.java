package cymru.calon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The wiring that everything else relies on. */
class PlatformIT extends CalonIntegrationTest {
  @Autowired private TransactionManager axonTransactionManager;
  @Autowired private EventStorageEngine storageEngine;
  @Autowired private TokenStore tokenStore;

  /**
   * Guards the Boot 4 trap (STACK.md): with NoTransactionManager, projection rows and tracking
   * tokens would no longer commit together.
   */
  @Test
  void axonUsesSpringsTransactionManager() {
    assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
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
  }
}
