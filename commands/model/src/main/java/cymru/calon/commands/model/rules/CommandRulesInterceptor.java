package cymru.calon.commands.model.rules;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.episode.EpisodeCommand;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.FieldError;
import cymru.calon.commands.api.errors.Rejection;
import cymru.calon.commands.api.person.PersonCommand;
import cymru.calon.commands.api.service.ServiceCommand;
import cymru.calon.commands.api.worker.WorkerCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The one place where refusals become command results: checks every command's fields and its {@code
 * occurredAt} against the clock before any aggregate is loaded, and turns a refusal thrown by an
 * invariant into a {@link CommandExecutionException} carrying a {@link Rejection}.
 */
public final class CommandRulesInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
  /** How far ahead of Calon's clock a caller's clock may run. */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  private final Clock clock;

  public CommandRulesInterceptor(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    Object command = unitOfWork.getMessage().getPayload();
    try {
      checkFields(command);
      return chain.proceed();
    } catch (CommandRejectedException e) {
      throw rejected(e.rejection());
    } catch (AggregateNotFoundException e) {
      throw rejected(notFound(command));
    }
  }

  private void checkFields(Object command) {
    List<FieldError> errors = CommandFieldRules.check(command);
    if (!errors.isEmpty()) {
      throw CommandRejectedException.invalidFields(errors);
    }
    if (command instanceof Command c
        && c.occurredAt().isAfter(clock.instant().plus(CLOCK_TOLERANCE))) {
      throw new CommandRejectedException(
          new Rejection(
              BusinessErrorCode.OCCURRED_AT_IN_FUTURE,
              "occurredAt is more than 5 minutes ahead of the time it was recorded.",
              List.of(new FieldError("occurredAt", "must not be in the future"))));
    }
  }

  private static Rejection notFound(Object command) {
    if (command instanceof EpisodeCommand c) {
      return Rejection.of(
          BusinessErrorCode.EPISODE_NOT_FOUND, "No episode " + c.episodeId() + " was referred.");
    }
    if (command instanceof WorkerCommand c) {
      return Rejection.of(
          BusinessErrorCode.WORKER_NOT_FOUND, "No worker " + c.workerId() + " has joined.");
    }
    if (command instanceof PersonCommand c) {
      return Rejection.of(
          BusinessErrorCode.PERSON_NOT_FOUND, "Person " + c.personId() + " is not registered.");
    }
    if (command instanceof ServiceCommand c) {
      return Rejection.of(
          BusinessErrorCode.SERVICE_NOT_FOUND,
          "Service " + c.serviceId() + " is not commissioned.");
    }
    return Rejection.of(BusinessErrorCode.SERVICE_NOT_FOUND, "The service does not exist.");
  }

  private static CommandExecutionException rejected(Rejection rejection) {
    return new CommandExecutionException(
        rejection.code() + ": " + rejection.detail(), null, rejection);
  }
}
