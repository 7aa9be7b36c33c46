package cymru.calon.infra.store;

import cymru.calon.commands.api.errors.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.unitofwork.ExecutionResult;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * How a command of a group takes part in the group's transaction without a savepoint of its own
 * (see {@link SavepointTransactionManager}). Until its unit of work begins to commit, such a
 * command writes nothing (its idempotency row waits in the group's log), so a refusal before that
 * leaves the transaction as if the command had never run; once it commits, its writes (events,
 * facts) can no longer be undone alone.
 */
public final class GroupParticipation {
  private static final String KEY = GroupParticipation.class.getName();

  private boolean committing;

  private GroupParticipation() {}

  static GroupParticipation join(UnitOfWork<?> unitOfWork) {
    GroupParticipation participation = new GroupParticipation();
    unitOfWork.resources().put(KEY, participation);
    // the first prepare-commit handler of the unit of work, so it runs before the first append
    unitOfWork.onPrepareCommit(u -> participation.committing = true);
    return participation;
  }

  /** The command's participation, or null when it has a transaction or savepoint of its own. */
  public static GroupParticipation of(UnitOfWork<?> unitOfWork) {
    return unitOfWork.getResource(KEY);
  }

  /**
   * Whether the command's rollback leaves the group's transaction as if the command had never run:
   * only a refusal before the commit began.
   */
  boolean leftNothing(UnitOfWork<?> unitOfWork) {
    ExecutionResult result = unitOfWork.getExecutionResult();
    return !committing
        && result != null
        && result.isExceptionResult()
        && isRefusal(result.getExceptionResult());
  }

  private static boolean isRefusal(Throwable cause) {
    return cause instanceof CommandExecutionException e
        && e.getDetails().filter(Rejection.class::isInstance).isPresent();
  }
}
