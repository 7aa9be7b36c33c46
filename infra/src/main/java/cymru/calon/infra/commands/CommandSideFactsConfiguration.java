package cymru.calon.infra.commands;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The command-side facts are part of the command's transaction: a subscribing processor (handled in
 * the appending thread, before commit) whose errors propagate, so a failed write of the facts rolls
 * back the command instead of being logged and forgotten as Axon's default handler would.
 */
@Configuration(proxyBeanMethods = false)
class CommandSideFactsConfiguration {
  @Autowired
  void subscribing(EventProcessingConfigurer processing) {
    processing
        .registerSubscribingEventProcessor(CommandSideFacts.GROUP)
        .registerListenerInvocationErrorHandler(
            CommandSideFacts.GROUP, configuration -> PropagatingErrorHandler.instance());
  }
}
