package cymru.calon.commands.model.access;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.access.Actor;
import cymru.calon.commands.api.access.ActorRole;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.Rejection;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Who may issue what (DOMAIN.md, "Who sees what"), enforced on the command path itself, so the HTTP
 * endpoint, the bulk import and group commits all pass through it: provider staff only for their
 * own organisation's workers and episodes, a commissioner only for the services they commission,
 * policy staff nothing; the {@link ActorRole#SYSTEM system} actor (in-process callers) anything. A
 * command without an actor in its metadata is refused.
 *
 * <p>Registered ahead of the idempotency interceptor and inside the command's transaction: a
 * refused command stores nothing and leaves no row in {@code command_log} (so another organisation
 * cannot learn, by a {@code DUPLICATE}, that a command id was used). It only reads, so a refusal in
 * a group commit leaves the group's transaction untouched. The refusal is {@link
 * BusinessErrorCode#FORBIDDEN}; its detail names the command and the record, never submitted
 * values.
 */
public final class CommandAccessInterceptor
    implements MessageHandlerInterceptor<CommandMessage<?>> {
  private final List<CommandOwnerResolver<?>> resolvers;

  public CommandAccessInterceptor(List<? extends CommandOwnerResolver<?>> resolvers) {
    this.resolvers = List.copyOf(resolvers);
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    CommandMessage<?> message = unitOfWork.getMessage();
    Optional<Actor> actor = Actor.fromMetaData(message.getMetaData());
    if (actor.isEmpty()) {
      throw refused("A command must say who issues it; this one names nobody.");
    }
    check(actor.get(), message.getPayload());
    return chain.proceed();
  }

  /**
   * @throws CommandExecutionException carrying a {@link BusinessErrorCode#FORBIDDEN} rejection when
   *     {@code actor} may not issue {@code payload}
   */
  void check(Actor actor, Object payload) {
    if (actor.role() == ActorRole.SYSTEM) {
      return;
    }
    String type = payload.getClass().getSimpleName();
    if (actor.role() == ActorRole.POLICY) {
      throw refused("Policy staff issue no commands; " + type + " is refused.");
    }
    CommandOwner owner = ownerOf(payload);
    if (owner == null) {
      throw refused(type + " is not open to " + roleName(actor) + ".");
    }
    boolean allowed =
        switch (owner.party()) {
          case ORGANISATION ->
              actor.role() == ActorRole.PROVIDER
                  && owner.id().map(id -> id.equals(actor.organisation().get())).orElse(true);
          case COMMISSIONER ->
              actor.role() == ActorRole.COMMISSIONER
                  && owner.id().map(id -> id.equals(actor.commissioner().get())).orElse(true);
        };
    if (!allowed) {
      throw refused(
          owner.party() == CommandOwner.Party.ORGANISATION
              ? type + " is for another organisation's records: only its own staff may issue it."
              : type
                  + " is for a service commissioned by someone else: only its commissioner may"
                  + " issue it.");
    }
  }

  private CommandOwner ownerOf(Object payload) {
    if (!(payload instanceof Command command)) {
      return null;
    }
    for (CommandOwnerResolver<?> resolver : resolvers) {
      if (resolver.commandType().isInstance(command)) {
        return resolver.resolve(command);
      }
    }
    return null;
  }

  private static String roleName(Actor actor) {
    return switch (actor.role()) {
      case PROVIDER -> "provider staff";
      case COMMISSIONER -> "commissioners";
      case POLICY -> "policy staff";
      case SYSTEM -> "Calon";
    };
  }

  private static CommandExecutionException refused(String detail) {
    Rejection rejection = Rejection.of(BusinessErrorCode.FORBIDDEN, detail);
    return new CommandExecutionException(rejection.code() + ": " + detail, null, rejection);
  }
}
