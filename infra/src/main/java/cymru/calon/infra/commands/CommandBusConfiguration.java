package cymru.calon.infra.commands;

import cymru.calon.commands.model.access.CommandAccessInterceptor;
import cymru.calon.commands.model.access.CommandOwnerResolver;
import cymru.calon.commands.model.access.EpisodeCommandOwners;
import cymru.calon.commands.model.access.PersonCommandOwners;
import cymru.calon.commands.model.access.ServiceCommandOwners;
import cymru.calon.commands.model.access.WorkerCommandOwners;
import cymru.calon.commands.model.rules.CommandRulesInterceptor;
import cymru.calon.infra.privacy.PersonKeys;
import cymru.calon.query.commands.BatchGate;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command bus's handler interceptors, outermost first: Axon's own transaction, then the gate
 * that keeps single commands apart from import batches, then the access check (who may issue the
 * command: before idempotency, so a refused command leaves no row in {@code command_log}), then
 * idempotency, then field rules and the translation of refusals into command results.
 */
@Configuration(proxyBeanMethods = false)
class CommandBusConfiguration {
  @Bean
  static Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Who owns each kind of command. A new aggregate kind plugs in here with a resolver for its
   * command interface (see {@link CommandOwnerResolver}); a command no resolver claims is refused.
   */
  @Bean
  static CommandOwnerResolver<?> serviceCommandOwners(JdbcFactsLookup facts) {
    return new ServiceCommandOwners(facts);
  }

  @Bean
  static CommandOwnerResolver<?> workerCommandOwners(JdbcFactsLookup facts) {
    return new WorkerCommandOwners(facts);
  }

  @Bean
  static CommandOwnerResolver<?> personCommandOwners(JdbcFactsLookup facts) {
    return new PersonCommandOwners(facts);
  }

  @Bean
  static CommandOwnerResolver<?> episodeCommandOwners(JdbcFactsLookup facts) {
    return new EpisodeCommandOwners(facts, facts);
  }

  /** Which aggregate a command is for: Axon's rule, found once per command type. */
  @Bean
  static CommandTargetResolver commandTargets() {
    return new CommandTargets();
  }

  @Autowired
  void registerInterceptors(
      CommandBus commandBus,
      BatchGate batchGate,
      JdbcTemplate jdbc,
      JsonMapper json,
      Clock clock,
      PersonKeys keys,
      JdbcFactsLookup facts,
      List<CommandOwnerResolver<?>> owners) {
    commandBus.registerHandlerInterceptor(batchGate.interceptor());
    commandBus.registerHandlerInterceptor(new CommandAccessInterceptor(owners));
    commandBus.registerHandlerInterceptor(new IdempotencyInterceptor(jdbc, json, keys, facts));
    commandBus.registerHandlerInterceptor(new CommandRulesInterceptor(clock));
  }
}
