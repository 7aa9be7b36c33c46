package cymru.calon.infra.store;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Deliberately empty: it only orders auto-configurations. Axon 4.13 orders itself after Boot 3
 * class names that moved in Boot 4, so without this its JDBC and transaction auto-configuration can
 * run before Boot's data source and transaction manager exist, and Axon silently falls back to
 * {@code NoTransactionManager}: projection rows and tracking tokens would then no longer commit
 * together.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
    },
    beforeName = {
      "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
      "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"
    })
public class AxonAfterBootJdbcAutoConfiguration {}
