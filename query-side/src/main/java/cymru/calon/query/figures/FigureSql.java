package cymru.calon.query.figures;

/**
 * The read-model queries behind the figures. Every query takes the scope's service ids as {@code
 * {0}} and the window's start {@code {1}}, end {@code {2}} and as-of instant {@code {3}}; only rows
 * recorded by as-of exist for it. Durations use seconds (METRICS.md: a day is 86,400 s), never
 * calendar intervals, so clock changes shift nothing.
 */
final class FigureSql {
  private FigureSql() {}

  static final String AFTERCARE_PURPOSES = "('AFTERCARE','FOLLOW_UP')";

  /** Attended contacts in P, per episode (R2–R7, R13). Choice columns are appended per choice. */
  static String contactsByEpisode(String choiceColumns) {
    return """
        SELECT c.episode_id,
               count(*) AS contacts,
               sum(c.minutes) AS minutes,
               array_agg(c.worker_id ORDER BY c.occurred_at, c.sequence) AS workers,
               count(*) FILTER (WHERE c.story_retold) AS retold,
               count(*) FILTER (WHERE c.purpose = 'PEER_SUPPORT') AS peer,
               coalesce(sum(c.minutes) FILTER (WHERE c.purpose = 'PEER_SUPPORT'), 0) AS peer_minutes,
               coalesce(sum(c.minutes) FILTER (WHERE c.mode IN ('IN_PERSON','OUTREACH')), 0)
                   AS in_person_minutes,
               count(*) FILTER (WHERE cardinality(c.choices) > 0) AS with_choice,
               count(*) FILTER (WHERE c.interpreter <> 'NONE') AS interpreted,
               count(*) FILTER (WHERE c.interpreter = 'IN_PERSON') AS interpreter_in_person,
               count(*) FILTER (WHERE c.mode = 'IN_PERSON') AS in_person,
               count(*) FILTER (WHERE c.setting IN ('PRIVATE_ROOM','HOME')) AS private_setting
               %s
          FROM read_model.contact c
         WHERE c.service_id = ANY({0}) AND c.occurred_at >= {1} AND c.occurred_at < {2}
           AND c.recorded_at <= {3}
         GROUP BY c.episode_id
        """
        .formatted(choiceColumns);
  }

  /**
   * Episodes whose first attended contact (as known at as-of) is in P (K2, R1), with their trust
   * point as known at as-of and the attended minutes up to and including it. The summary row's
   * values are used when the event that set them was recorded by as-of; otherwise they are
   * recomputed from the fact rows (they only ever move earlier, so the summary bounds the search).
   */
  static final String STARTS =
      """
      SELECT s.*,
             (SELECT coalesce(sum(c.minutes), 0) FROM read_model.contact c
               WHERE c.episode_id = s.episode_id AND c.recorded_at <= {3}
                 AND c.occurred_at <= s.trust_at) AS minutes_to_trust
        FROM (
          SELECT e.episode_id, e.service_id, e.referred_at,
                 CASE WHEN e.closure_recorded_at <= {3} THEN e.closed_at END AS closed_at,
                 CASE WHEN e.first_contact_recorded_at <= {3} THEN e.first_contact_at
                      ELSE (SELECT min(c.occurred_at) FROM read_model.contact c
                             WHERE c.episode_id = e.episode_id AND c.recorded_at <= {3})
                 END AS start_at,
                 CASE WHEN e.trust_at IS NULL THEN NULL
                      WHEN e.trust_recorded_at <= {3} THEN e.trust_at
                      ELSE least(
                          (SELECT min(m.occurred_at) FROM read_model.trust_milestone m
                            WHERE m.episode_id = e.episode_id AND m.recorded_at <= {3}),
                          (SELECT min(k.occurred_at) FROM read_model.check_in k
                            WHERE k.episode_id = e.episode_id AND k.recorded_at <= {3}
                              AND k.trust_worker >= 4))
                 END AS trust_at
            FROM read_model.episode e
           WHERE e.service_id = ANY({0}) AND e.recorded_at <= {3} AND e.first_contact_at < {2}
             AND (e.first_contact_at >= {1} OR e.first_contact_recorded_at > {3})
        ) s
       WHERE s.start_at >= {1} AND s.start_at < {2}
      """;

  /**
   * Closures in P (K3, K5, R8, R9 withdrawnTooSoon, R10): whether the episode had any aftercare or
   * follow-up contact (its first recorded by as-of: kept on the episode row), whether the person
   * was referred again (to any service) within 180 days, and whether it closed within 14 days of an
   * outcome with no aftercare contact in between.
   */
  static final String CLOSURES =
      """
      SELECT e.episode_id, e.service_id, e.referred_at, e.closed_at, e.closure_reason,
             coalesce(e.aftercare_recorded_at <= {3}, false) AS had_aftercare,
             EXISTS (SELECT 1 FROM read_model.episode r
                      WHERE r.person_id = e.person_id AND r.recorded_at <= {3}
                        AND r.referred_at > e.closed_at
                        AND r.referred_at <= e.closed_at + interval '15552000 seconds') AS returned,
             EXISTS (SELECT 1 FROM read_model.outcome o
                      WHERE o.episode_id = e.episode_id AND o.recorded_at <= {3}
                        AND o.occurred_at <= e.closed_at
                        AND o.occurred_at >= e.closed_at - interval '1209600 seconds'
                        AND NOT EXISTS (
                            SELECT 1 FROM read_model.contact c
                             WHERE c.episode_id = e.episode_id AND c.recorded_at <= {3}
                               AND c.purpose IN %1$s
                               AND c.occurred_at > o.occurred_at
                               AND c.occurred_at <= e.closed_at)) AS withdrawn_too_soon
        FROM read_model.episode e
       WHERE e.service_id = ANY({0}) AND e.closed_at >= {1} AND e.closed_at < {2}
         AND e.closure_recorded_at <= {3}
      """
          .formatted(AFTERCARE_PURPOSES);

  /**
   * Outcomes in P (K4, R9): whether an aftercare or follow-up contact followed within 28 days, the
   * last such contact after the outcome, the first end of aftercare after it, and the closure.
   */
  static final String OUTCOMES =
      """
      SELECT o.outcome_id, o.occurred_at,
             CASE WHEN e.closure_recorded_at <= {3} THEN e.closed_at END AS closed_at,
             EXISTS (SELECT 1 FROM read_model.contact c
                      WHERE c.episode_id = o.episode_id AND c.recorded_at <= {3}
                        AND c.purpose IN %1$s
                        AND c.occurred_at > o.occurred_at
                        AND c.occurred_at <= o.occurred_at + interval '2419200 seconds')
                 AS has_aftercare,
             (SELECT max(c.occurred_at) FROM read_model.contact c
               WHERE c.episode_id = o.episode_id AND c.recorded_at <= {3}
                 AND c.purpose IN %1$s AND c.occurred_at > o.occurred_at) AS last_aftercare_contact,
             (SELECT min(a.occurred_at) FROM read_model.aftercare_end a
               WHERE a.episode_id = o.episode_id AND a.recorded_at <= {3}
                 AND a.occurred_at >= o.occurred_at) AS aftercare_ended
        FROM read_model.outcome o
        JOIN read_model.episode e ON e.episode_id = o.episode_id
       WHERE o.service_id = ANY({0}) AND o.occurred_at >= {1} AND o.occurred_at < {2}
         AND o.recorded_at <= {3}
      """
          .formatted(AFTERCARE_PURPOSES);

  /** Counts of single events in P (K1, R3 handovers, R8, R11). */
  static final String COUNTS =
      """
      SELECT
        (SELECT count(*) FROM read_model.episode e
          WHERE e.service_id = ANY({0}) AND e.referred_at >= {1} AND e.referred_at < {2}
            AND e.recorded_at <= {3}) AS referrals,
        (SELECT count(*) FROM read_model.key_worker_change h
          WHERE h.service_id = ANY({0}) AND h.occurred_at >= {1} AND h.occurred_at < {2}
            AND h.recorded_at <= {3} AND h.from_worker_id IS NOT NULL) AS handovers,
        (SELECT count(*) FROM read_model.key_worker_change h
          WHERE h.service_id = ANY({0}) AND h.occurred_at >= {1} AND h.occurred_at < {2}
            AND h.recorded_at <= {3} AND h.from_worker_id IS NOT NULL AND h.warm_introduction)
            AS warm_handovers,
        (SELECT count(*) FROM read_model.key_worker_change h
          WHERE h.service_id = ANY({0}) AND h.occurred_at >= {1} AND h.occurred_at < {2}
            AND h.recorded_at <= {3} AND h.handover_reason = 'WORKER_LEFT')
            AS handovers_from_departures,
        (SELECT count(*) FROM read_model.appointment_missed a
          WHERE a.service_id = ANY({0}) AND a.occurred_at >= {1} AND a.occurred_at < {2}
            AND a.recorded_at <= {3} AND a.missed_by = 'PERSON') AS missed_by_person,
        (SELECT count(*) FROM read_model.appointment_missed a
          WHERE a.service_id = ANY({0}) AND a.occurred_at >= {1} AND a.occurred_at < {2}
            AND a.recorded_at <= {3} AND a.missed_by = 'PERSON' AND a.follow_up <> 'NONE')
            AS missed_by_person_followed_up,
        (SELECT count(*) FROM read_model.appointment_missed a
          WHERE a.service_id = ANY({0}) AND a.occurred_at >= {1} AND a.occurred_at < {2}
            AND a.recorded_at <= {3} AND a.missed_by = 'SERVICE') AS missed_by_service,
        (SELECT count(*) FROM read_model.trust_milestone m
          WHERE m.service_id = ANY({0}) AND m.occurred_at >= {1} AND m.occurred_at < {2}
            AND m.recorded_at <= {3} AND m.marker = 'RETURNED_AFTER_DISENGAGEMENT')
            AS re_engagements,
        (SELECT count(*) FROM read_model.feedback f
          WHERE f.service_id = ANY({0}) AND f.occurred_at >= {1} AND f.occurred_at < {2}
            AND f.recorded_at <= {3}) AS feedback,
        (SELECT count(*) FROM read_model.feedback f
          WHERE f.service_id = ANY({0}) AND f.occurred_at >= {1} AND f.occurred_at < {2}
            AND f.recorded_at <= {3} AND f.complaint) AS complaints,
        (SELECT count(*) FROM read_model.story_shared s
          WHERE s.service_id = ANY({0}) AND s.occurred_at >= {1} AND s.occurred_at < {2}
            AND s.recorded_at <= {3}) AS stories
      """;

  /** Check-ins in P and the mean of each score (R11). */
  static final String CHECK_INS =
      """
      SELECT count(*) AS check_ins,
             avg(k.listened_to) AS listened_to, avg(k.had_a_say) AS had_a_say,
             avg(k.trust_worker) AS trust_worker, avg(k.felt_safe) AS felt_safe
        FROM read_model.check_in k
       WHERE k.service_id = ANY({0}) AND k.occurred_at >= {1} AND k.occurred_at < {2}
         AND k.recorded_at <= {3}
      """;

  /** Contract terms of the scope's services, in the order they took effect. */
  static final String TERMS =
      """
      SELECT t.service_id, t.effective_at, t.waiting_working_days, t.max_episode_days
        FROM read_model.service_terms t
       WHERE t.service_id = ANY({0}) AND t.recorded_at <= {3} AND t.kpi_targets_set
       ORDER BY t.service_id, t.effective_at, t.recorded_at
      """;

  /**
   * Workers of the scope's organisations in post at instant {4} (the observed end of P), with the
   * number of the scope's open episodes each is key worker of then (R12).
   */
  static final String WORKFORCE =
      """
      WITH organisations AS (
             SELECT DISTINCT s.organisation_id FROM read_model.service s
              WHERE s.service_id = ANY({0}) AND s.recorded_at <= {3}),
           open_episodes AS MATERIALIZED (
             SELECT e.episode_id FROM read_model.episode e
              WHERE e.service_id = ANY({0}) AND e.recorded_at <= {3} AND e.referred_at <= {4}
                AND (e.closed_at IS NULL OR e.closed_at > {4})
             UNION ALL
             SELECT e.episode_id FROM read_model.episode e
              WHERE e.service_id = ANY({0}) AND e.closure_recorded_at > {3}
                AND e.recorded_at <= {3} AND e.referred_at <= {4} AND e.closed_at <= {4}),
           caseloads AS MATERIALIZED (
             SELECT k.worker_id, count(*) AS caseload
               FROM open_episodes o
               CROSS JOIN LATERAL (
                   SELECT c.worker_id FROM read_model.key_worker_change c
                    WHERE c.episode_id = o.episode_id AND c.recorded_at <= {3}
                      AND c.occurred_at <= {4}
                    ORDER BY c.occurred_at DESC, c.sequence DESC
                    LIMIT 1) k
              GROUP BY k.worker_id)
      SELECT w.worker_id, coalesce(c.caseload, 0) AS caseload
        FROM read_model.worker w
        LEFT JOIN caseloads c ON c.worker_id = w.worker_id
       WHERE w.organisation_id IN (SELECT organisation_id FROM organisations)
         AND w.recorded_at <= {3} AND w.joined_at <= {4}
         AND NOT EXISTS (SELECT 1 FROM read_model.worker_departure d
                          WHERE d.worker_id = w.worker_id AND d.recorded_at <= {3}
                            AND d.left_at <= {4})
      """;

  /** Reflective practice minutes and departures in P in the scope's organisations (R12). */
  static final String STAFF_IN_PERIOD =
      """
      WITH organisations AS (
             SELECT DISTINCT s.organisation_id FROM read_model.service s
              WHERE s.service_id = ANY({0}) AND s.recorded_at <= {3})
      SELECT
        (SELECT coalesce(sum(r.minutes), 0) FROM read_model.reflective_practice r
          WHERE r.organisation_id IN (SELECT organisation_id FROM organisations)
            AND r.occurred_at >= {1} AND r.occurred_at < {2} AND r.recorded_at <= {3})
            AS reflective_minutes,
        (SELECT count(*) FROM read_model.worker_departure d
           JOIN read_model.worker w ON w.worker_id = d.worker_id
          WHERE w.organisation_id IN (SELECT organisation_id FROM organisations)
            AND d.left_at >= {1} AND d.left_at < {2} AND d.recorded_at <= {3}) AS departures
      """;
}
