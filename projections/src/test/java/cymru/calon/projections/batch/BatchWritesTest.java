package cymru.calon.projections.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class BatchWritesTest {
  private final List<String> happened = new ArrayList<>();
  private final BatchWrites<Buffer> writes = new BatchWrites<>("test", Buffer::new);

  private final class Buffer implements BatchWrites.Buffer {
    private final List<String> rows = new ArrayList<>();

    @Override
    public void flush() {
      happened.add("flushed " + rows);
    }

    @Override
    public void committed() {
      happened.add("committed");
    }
  }

  @Test
  void aBatch_isWrittenBeforeItsUnitCommits_andToldOnceItHas() {
    UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
    writes.add(b -> b.rows.add("a"));
    writes.add(b -> b.rows.add("b"));
    unit.onCommit(u -> happened.add("transaction committed"));

    unit.commit();

    assertThat(happened).containsExactly("flushed [a, b]", "transaction committed", "committed");
  }

  @Test
  void aBatchThatRollsBack_isNeverToldItCommitted() {
    UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
    writes.add(b -> b.rows.add("a"));

    unit.rollback();

    assertThat(happened).isEmpty();
  }

  @Test
  void insideACallersTransaction_theBatchIsToldOnlyWhenThatTransactionCommits() {
    TransactionSynchronizationManager.initSynchronization();
    try {
      UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
      writes.add(b -> b.rows.add("a"));
      unit.commit();
      assertThat(happened).containsExactly("flushed [a]");

      TransactionSynchronizationManager.getSynchronizations()
          .forEach(TransactionSynchronization::afterCommit);

      assertThat(happened).containsExactly("flushed [a]", "committed");
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void outsideAUnitOfWork_rowsAreWrittenAtOnce() {
    writes.add(b -> b.rows.add("a"));

    assertThat(happened).containsExactly("flushed [a]");
  }
}
