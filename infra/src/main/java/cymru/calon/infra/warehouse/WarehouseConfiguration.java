package cymru.calon.infra.warehouse;

import cymru.calon.infra.CalonMode;
import cymru.calon.infra.integration.KafkaConfigured;
import cymru.calon.projections.figures.EpisodeFiguresProjection;
import cymru.calon.projections.figures.StaffFiguresProjection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The policy warehouse ({@code --calon.mode=policy-warehouse}): the figures' projections fed from
 * the integration topics into a database of its own, and the policy dashboard, its evidence packs
 * and its page served from it. There is no event store, no command side, no service dashboard and
 * no demo: the components of those are left out of this mode altogether ({@code
 * CalonModeComponents}, {@code CalonModeAutoConfigurations}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = CalonMode.PROPERTY, havingValue = CalonMode.POLICY_WAREHOUSE)
class WarehouseConfiguration {
  static final String DEFAULT_GROUP = "calon-policy-warehouse";

  /** The read models' migrations and the warehouse's own; none of the event store's. */
  @Bean
  FlywayConfigurationCustomizer warehouseMigrations() {
    return flyway ->
        flyway.locations("classpath:db/migration/readmodel", "classpath:db/migration/warehouse");
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  WarehouseStatistics warehouseStatistics() {
    return new WarehouseStatistics();
  }

  @Bean
  WarehouseConsumer warehouseConsumer(
      Environment environment,
      @Value("${calon.warehouse.group-id:" + DEFAULT_GROUP + "}") String groupId,
      EpisodeFiguresProjection episodes,
      StaffFiguresProjection staff,
      PlatformTransactionManager transactions,
      JdbcTemplate jdbc,
      WarehouseStatistics statistics,
      Clock clock) {
    String brokers = KafkaConfigured.bootstrapServers(environment);
    if (!StringUtils.hasText(brokers)) {
      throw new IllegalStateException(
          "The policy warehouse reads Kafka: set calon.kafka.bootstrap-servers");
    }
    return new WarehouseConsumer(
        brokers,
        groupId,
        new WarehouseProjections(episodes, staff),
        new TransactionTemplate(transactions),
        jdbc,
        statistics,
        clock);
  }

  /**
   * {@code warehouse} in /actuator/health: what was applied, dropped and skipped, and how far
   * behind.
   */
  @Bean
  HealthIndicator warehouse(WarehouseConsumer consumer, WarehouseStatistics statistics) {
    return () -> {
      Health.Builder health =
          consumer.isRunning() && statistics.lastError() == null ? Health.up() : Health.down();
      health
          .withDetail("applied", statistics.applied())
          .withDetail("duplicatesDropped", statistics.duplicates())
          .withDetail("unknownKindsSkipped", statistics.skipped())
          .withDetail("recordsBehind", statistics.behind());
      if (statistics.lastCommit() != null) {
        health.withDetail("lastCommit", statistics.lastCommit().toString());
      }
      if (statistics.lastError() != null) {
        health.withDetail("lastError", statistics.lastError());
      }
      return health.build();
    };
  }

  /**
   * The policy view only: a service's dashboard (JSON, evidence packs, page) is not served here,
   * although the pooled rows would allow it.
   */
  @Bean
  OncePerRequestFilter policyOnly() {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/v1/services") || path.startsWith("/services")) {
          response.sendError(HttpServletResponse.SC_NOT_FOUND);
          return;
        }
        chain.doFilter(request, response);
      }
    };
  }
}
