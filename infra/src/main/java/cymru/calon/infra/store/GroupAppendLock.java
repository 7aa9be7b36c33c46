package cymru.calon.infra.store;

import cymru.calon.query.commands.BatchStart;
import cymru.calon.query.commands.ParsedCommand;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Takes the append lock of {@link SerializedAppends} as a group of commands committed together
 * begins (an import batch, or single commands gathered by the command writer), before any of its
 * commands, so that the group's appends skip it: a round trip less per command. The group would
 * hold the lock from its first append to its commit anyway.
 */
@Component
@ConditionalOnProperty(
    name = "calon.event-store.serialize-appends",
    havingValue = "true",
    matchIfMissing = true)
class GroupAppendLock implements BatchStart {
  private final DataSource dataSource;

  GroupAppendLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void begin(List<ParsedCommand> group) {
    try {
      SerializedAppends.lockForTransaction(DataSourceUtils.getConnection(dataSource));
    } catch (SQLException e) {
      throw new CannotCreateTransactionException("Could not take the append lock", e);
    }
  }
}
