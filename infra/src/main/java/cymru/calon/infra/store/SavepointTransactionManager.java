package cymru.calon.infra.store;

import cymru.calon.query.commands.GroupCommit;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's transaction manager with nested propagation: a unit of work started inside a Spring
 * transaction gets a savepoint, so a refused command rolls back alone; with no surrounding
 * transaction it starts one, as before.
 *
 * <p>A command of a group ({@link GroupCommit#inGroup()}) gets neither: it joins the group's
 * transaction, which saves the two round trips of a savepoint (taken and released) per command.
 * That is sound because a refusal comes before the command writes anything but its idempotency row,
 * which the idempotency interceptor undoes ({@link GroupParticipation}). Any other rollback (a
 * failure, or one after the command began to commit and wrote its events) marks the group's
 * transaction rollback-only, so the whole group rolls back and is applied again one command a
 * transaction; nothing is stored half.
 *
 * <p>Axon's {@link SpringTransactionManager} completes only transactions it started itself ({@code
 * isNewTransaction()}); a savepoint is not one, so with nested propagation alone a rolled-back unit
 * of work would leave its savepoint in place and its statements in the batch. Here a savepoint is
 * released on commit and rolled back to on rollback.
 */
class SavepointTransactionManager extends SpringTransactionManager {
  private static final TransactionDefinition JOIN =
      new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_MANDATORY);

  private final PlatformTransactionManager spring;

  SavepointTransactionManager(PlatformTransactionManager transactionManager) {
    super(
        transactionManager,
        new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
    this.spring = transactionManager;
  }

  @Override
  public Transaction startTransaction() {
    if (!GroupCommit.inGroup() || !CurrentUnitOfWork.isStarted()) {
      return super.startTransaction();
    }
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
    GroupParticipation participation = GroupParticipation.join(unitOfWork);
    return new Transaction() {
      @Override
      public void commit() {
        // the group commits
      }

      @Override
      public void rollback() {
        if (!participation.leftNothing(unitOfWork)) {
          // a participant's rollback marks the whole transaction rollback-only
          spring.rollback(spring.getTransaction(JOIN));
        }
      }
    };
  }

  @Override
  protected void commitTransaction(TransactionStatus status) {
    if (status.hasSavepoint() && !status.isCompleted()) {
      spring.commit(status);
    } else {
      super.commitTransaction(status);
    }
  }

  @Override
  protected void rollbackTransaction(TransactionStatus status) {
    if (status.hasSavepoint() && !status.isCompleted()) {
      spring.rollback(status);
    } else {
      super.rollbackTransaction(status);
    }
  }
}
