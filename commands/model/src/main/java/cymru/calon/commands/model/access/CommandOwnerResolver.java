package cymru.calon.commands.model.access;

import cymru.calon.commands.api.Command;

/**
 * The seam through which the access check learns who owns a command: one resolver per command
 * interface ({@code ServiceCommand}, {@code WorkerCommand}, {@code EpisodeCommand}, …). A new kind
 * of aggregate plugs in by adding a resolver for its command interface (a Spring bean of this type
 * in the application; {@code CommandAccessConfiguration} collects them all). A command that no
 * resolver claims is refused to everyone but {@link
 * cymru.calon.commands.api.access.ActorRole#SYSTEM}.
 *
 * <p>A resolver runs inside the command's transaction, before the command is handled, and must only
 * read: typically from the command's own fields ({@code RecordWorkerJoined.organisationId}) or from
 * a command-side facts table kept in the same transaction as the events ({@code episode_facts}).
 *
 * @param <C> the command interface this resolver answers for
 */
public interface CommandOwnerResolver<C extends Command> {
  Class<C> commandType();

  CommandOwner ownerOf(C command);

  /** The owner of {@code command}, which must be of {@link #commandType()}. */
  default CommandOwner resolve(Command command) {
    return ownerOf(commandType().cast(command));
  }
}
