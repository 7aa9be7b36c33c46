package cymru.calon.query.dashboard;

/**
 * Whether the projections the figures are read from are behind the event store (replaying, or
 * catching up after a start), as the node running them sees it.
 */
@FunctionalInterface
public interface ProjectionProgress {
  /** True while any figures projection has events of the store still to apply. */
  boolean behind();
}
