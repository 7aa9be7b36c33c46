package cymru.calon.infra.store;

import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How Axon takes part in Spring's transactions, so that a bulk-import batch can hold many commands
 * in one transaction with a savepoint each. Both beans replace Axon's defaults, whose
 * auto-configuration backs off when they exist.
 */
@Configuration(proxyBeanMethods = false)
class AxonTransactionConfiguration {
  /**
   * Used by every Axon component: the command bus attaches it to each command's unit of work, the
   * processors and the token store to their batches. Outside a transaction it behaves as before.
   */
  @Bean
  TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
    return new SavepointTransactionManager(transactionManager);
  }

  /**
   * The Spring-managed connection, without Axon's default {@code
   * UnitOfWorkAwareConnectionProviderWrapper}: on a unit of work's rollback that wrapper calls
   * {@code Connection.rollback()} on the connection itself, which would roll back the whole
   * surrounding batch rather than the command's savepoint. Spring's transaction already ties the
   * connection to the unit of work, so nothing else is lost.
   */
  @Bean
  ConnectionProvider connectionProvider(DataSource dataSource) {
    return new SpringDataSourceConnectionProvider(dataSource);
  }
}
