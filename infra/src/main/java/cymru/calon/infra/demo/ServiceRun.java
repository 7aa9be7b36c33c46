package cymru.calon.infra.demo;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.ServiceId;

/** A commissioned service while the history runs: its current terms and its team. */
final class ServiceRun {
  final Catalogue.Plan plan;
  final ServiceId serviceId;
  final OrganisationId organisationId;
  final Practice practice;
  final Team team;

  /** The contract's current terms; a variation changes them for episodes referred after it. */
  Integer maxEpisodeDays;

  int aftercareWeeks;

  ServiceRun(Catalogue.Plan plan, ServiceId serviceId, OrganisationId organisationId, Team team) {
    this.plan = plan;
    this.serviceId = serviceId;
    this.organisationId = organisationId;
    this.practice = plan.practice();
    this.team = team;
    this.maxEpisodeDays = plan.maxEpisodeDays();
    this.aftercareWeeks = plan.aftercareWeeks() == null ? 0 : plan.aftercareWeeks();
  }
}
