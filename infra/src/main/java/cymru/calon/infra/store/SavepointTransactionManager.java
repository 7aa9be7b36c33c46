package cymru.calon.infra.store;

import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's transaction manager with nested propagation: a unit of work started inside a Spring
 * transaction (a bulk-import batch) gets a savepoint, so a refused command rolls back alone; with
 * no surrounding transaction it starts one, as before.
 *
 * <p>Axon's {@link SpringTransactionManager} completes only transactions it started itself ({@code
 * isNewTransaction()}); a savepoint is not one, so with nested propagation alone a rolled-back unit
 * of work would leave its savepoint in place and its statements in the batch. Here a savepoint is
 * released on commit and rolled back to on rollback.
 */
class SavepointTransactionManager extends SpringTransactionManager {
  private final PlatformTransactionManager spring;

  SavepointTransactionManager(PlatformTransactionManager transactionManager) {
    super(
        transactionManager,
        new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
    this.spring = transactionManager;
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
