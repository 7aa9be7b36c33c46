package cymru.calon.infra.projections;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projection transactions commit without waiting for the disk.
 *
 * <p>A projection's rows and its tracking token commit in one transaction, so an asynchronous
 * commit lost in a crash loses both together: the processor simply handles those events again from
 * the older token, and nothing is applied twice or skipped. What it saves is an fsync per batch,
 * which on this kind of disk was most of a replay's time. The events themselves, and the
 * command-side facts written in the command's own transaction, are still committed durably.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionCommits {
  private static final String APPLIED = ProjectionCommits.class.getName();

  @Autowired
  void asynchronousCommits(EventProcessingConfigurer processing, JdbcTemplate jdbc) {
    processing.registerDefaultHandlerInterceptor((configuration, processor) -> asynchronous(jdbc));
  }

  /**
   * Only a streaming processor's batch runs in a {@link BatchingUnitOfWork}; the subscribing
   * command-side facts run inside the command's own unit of work and are left alone.
   */
  private static MessageHandlerInterceptor<EventMessage<?>> asynchronous(JdbcTemplate jdbc) {
    return (unitOfWork, chain) -> {
      var root = unitOfWork.root();
      if (root instanceof BatchingUnitOfWork<?>
          && root.resources().putIfAbsent(APPLIED, Boolean.TRUE) == null) {
        jdbc.execute("SET LOCAL synchronous_commit TO OFF");
        // The projections write every organisation's rows of the person-level read models,
        // which row-level security otherwise hides (readmodel V20261202_0120).
        jdbc.queryForObject("SELECT set_config('calon.scope', 'projector', true)", String.class);
      }
      return chain.proceed();
    };
  }
}
