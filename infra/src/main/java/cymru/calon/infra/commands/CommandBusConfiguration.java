package cymru.calon.infra.commands;

import cymru.calon.commands.model.rules.CommandRulesInterceptor;
import cymru.calon.infra.privacy.PersonKeys;
import cymru.calon.query.commands.BatchGate;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command bus's handler interceptors, outermost first: Axon's own transaction, then the gate
 * that keeps single commands apart from import batches, then idempotency, then field rules and the
 * translation of refusals into command results.
 */
@Configuration(proxyBeanMethods = false)
class CommandBusConfiguration {
  @Bean
  static Clock clock() {
    return Clock.systemUTC();
  }

  @Autowired
  void registerInterceptors(
      CommandBus commandBus,
      BatchGate batchGate,
      JdbcTemplate jdbc,
      JsonMapper json,
      Clock clock,
      PersonKeys keys,
      JdbcFactsLookup facts) {
    commandBus.registerHandlerInterceptor(batchGate.interceptor());
    commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(jdbc, json, keys, facts));
    commandBus.registerHandlerInterceptor(new CommandRulesInterceptor(clock));
  }
}
