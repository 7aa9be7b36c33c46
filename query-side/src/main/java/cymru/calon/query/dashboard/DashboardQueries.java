package cymru.calon.query.dashboard;

import static cymru.calon.projections.schema.Tables.SERVICE;

import cymru.calon.commands.api.service.Cohort;
import cymru.calon.query.access.Viewer;
import cymru.calon.query.figures.Suppression;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The dashboards for the pages and the evidence packs: the same remembered figures as the JSON
 * dashboards, suppressed for the same readers, so a page, its CSV and its PDF always show what the
 * API shows the same reader.
 */
@Component
public class DashboardQueries {
  /** The columns a {@link ServiceListing} is read from. */
  private static final List<SelectField<?>> LISTING =
      List.of(
          SERVICE.SERVICE_ID,
          SERVICE.NAME,
          SERVICE.COHORT,
          SERVICE.AREA_CODE,
          SERVICE.ORGANISATION_ID,
          SERVICE.COMMISSIONER_ID);

  private final Dashboards dashboards;
  private final DashboardScopes scopes;
  private final DSLContext db;
  private final Clock clock;
  private final Map<UUID, Known> knownServices = new ConcurrentHashMap<>();

  DashboardQueries(Dashboards dashboards, DashboardScopes scopes, DSLContext db, Clock clock) {
    this.dashboards = dashboards;
    this.scopes = scopes;
    this.db = db;
    this.clock = clock;
  }

  /**
   * The service as it was known at {@code asOf} (null: now), if it was. Every dashboard request
   * asks, to check who may see it; a service's row is written once, from its commissioning, and
   * never changed (a replay writes it again the same), so once read it is remembered with the
   * instant it was recorded, and the answer for any as-of follows from that without a query.
   */
  public Optional<ServiceListing> service(UUID serviceId, Instant asOf) {
    Instant known = asOf == null ? clock.instant() : asOf;
    Known remembered = known(serviceId);
    return remembered != null && !remembered.recordedAt().isAfter(known)
        ? Optional.of(remembered.listing())
        : Optional.empty();
  }

  private record Known(ServiceListing listing, Instant recordedAt) {}

  private Known known(UUID serviceId) {
    Known remembered = knownServices.get(serviceId);
    if (remembered == null) {
      remembered =
          db.select(LISTING)
              .select(SERVICE.RECORDED_AT)
              .from(SERVICE)
              .where(SERVICE.SERVICE_ID.eq(serviceId))
              .fetchOptional(r -> new Known(listing(r), r.get(SERVICE.RECORDED_AT).toInstant()))
              .orElse(null);
      // Services are few; one not (yet) known is asked again next time.
      if (remembered != null) {
        knownServices.put(serviceId, remembered);
      }
    }
    return remembered;
  }

  /** The services {@code viewer} may see, by name (none for policy staff: they see no service). */
  public List<ServiceListing> services(Viewer viewer) {
    Condition visible =
        switch (viewer.role()) {
          case PROVIDER -> SERVICE.ORGANISATION_ID.eq(viewer.organisation().orElseThrow().value());
          case COMMISSIONER ->
              SERVICE.COMMISSIONER_ID.eq(viewer.commissioner().orElseThrow().value());
          case POLICY -> DSL.falseCondition();
        };
    return listings()
        .where(visible)
        .orderBy(SERVICE.NAME, SERVICE.SERVICE_ID)
        .fetch(DashboardQueries::listing);
  }

  private SelectJoinStep<Record> listings() {
    return db.select(LISTING).from(SERVICE);
  }

  private static ServiceListing listing(Record r) {
    return new ServiceListing(
        r.get(SERVICE.SERVICE_ID),
        r.get(SERVICE.NAME),
        Cohort.valueOf(r.get(SERVICE.COHORT)),
        r.get(SERVICE.AREA_CODE),
        r.get(SERVICE.ORGANISATION_ID),
        r.get(SERVICE.COMMISSIONER_ID));
  }

  /**
   * One service's dashboard as {@code viewer} may see it (unsuppressed for the staff of the
   * organisation that runs it), or empty when no such service was known at the query's asOf.
   * Whether the viewer may see the service at all is the caller's check.
   *
   * @param hideSmallNumbers suppress small numbers whoever reads: a provider's pack for sharing
   */
  public Optional<DashboardView> service(
      DashboardParameters.Query query, Viewer viewer, boolean hideSmallNumbers) {
    return service(query.serviceId(), query.asOf())
        .map(
            service -> {
              Dashboards.Computed computed =
                  dashboards.figures(
                      List.of(service.serviceId()), query.from(), query.to(), query.asOf());
              Suppression suppression =
                  hideSmallNumbers
                      ? dashboards.standardSuppression()
                      : dashboards.suppressionFor(viewer, service.organisationId());
              return new DashboardView(
                  service,
                  null,
                  null,
                  1,
                  query.from(),
                  query.to(),
                  computed.asOf(),
                  !suppression.equals(Suppression.NONE),
                  computed.figures(suppression));
            });
  }

  /** The policy dashboard: every service of the area and/or cohort, pooled, always suppressed. */
  public DashboardView policy(DashboardParameters.Query query) {
    Instant known = query.asOf() == null ? clock.instant() : query.asOf();
    List<UUID> services = scopes.services(query.areaCode(), query.cohort(), known);
    Dashboards.Computed computed =
        dashboards.figures(services, query.from(), query.to(), query.asOf());
    return new DashboardView(
        null,
        query.areaCode(),
        query.cohort(),
        services.size(),
        query.from(),
        query.to(),
        computed.asOf(),
        true,
        computed.figures(dashboards.standardSuppression()));
  }

  /** The areas that have services, for the policy view's choice of area. */
  public List<String> areaCodes() {
    return db.selectDistinct(SERVICE.AREA_CODE)
        .from(SERVICE)
        .orderBy(SERVICE.AREA_CODE)
        .fetch(SERVICE.AREA_CODE);
  }
}
