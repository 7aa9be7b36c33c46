package cymru.calon.query.access;

/** The three kinds of user DOMAIN.md's "who sees what" table names. */
public enum Role {
  /** Provider staff: people, episodes and evidence of their own organisation only. */
  PROVIDER,
  /** A commissioner: dashboards and consented stories of the services they commission. */
  COMMISSIONER,
  /** Policy staff: suppressed aggregates across services and areas only. */
  POLICY
}
