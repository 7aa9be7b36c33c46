package cymru.calon.query.access;

import java.util.UUID;

/**
 * The read side's rules (DOMAIN.md, "Who sees what"), one method per kind of thing seen; each
 * throws {@link NoAccess} (a {@code 403}) when the viewer may not see it.
 *
 * <ul>
 *   <li>A service's dashboard, figures and evidence packs: the staff of the organisation that runs
 *       it, and the commissioner who commissions it.
 *   <li>The policy dashboard: policy staff only. DOMAIN.md gives aggregates across services and
 *       areas to policy; read strictly, neither provider staff nor commissioners see the pooled
 *       figures of services that are not theirs.
 *   <li>An episode: the staff of the organisation that runs its service only (person-level data).
 * </ul>
 */
public final class Access {
  private Access() {}

  public static void requireService(Viewer viewer, UUID organisationId, UUID commissionerId) {
    if (viewer.role() == Role.POLICY) {
      throw new NoAccess("Policy staff see services only pooled, on the policy dashboard.");
    }
    if (!viewer.maySeeService(organisationId, commissionerId)) {
      throw new NoAccess(
          "Only the staff of the organisation that runs this service and its commissioner may see"
              + " it.");
    }
  }

  /** Before anything of the service is looked up: policy staff see no single service. */
  public static void requireServiceRole(Viewer viewer) {
    if (viewer.role() == Role.POLICY) {
      throw new NoAccess("Policy staff see services only pooled, on the policy dashboard.");
    }
  }

  public static void requirePolicy(Viewer viewer) {
    if (viewer.role() != Role.POLICY) {
      throw new NoAccess("The policy dashboard is for policy staff.");
    }
  }

  /** Before the episode is looked up: only provider staff see episodes at all. */
  public static void requireEpisodeRole(Viewer viewer) {
    if (viewer.role() != Role.PROVIDER) {
      throw new NoAccess("Episodes are seen only by the staff of the organisation that runs them.");
    }
  }

  public static void requireEpisode(Viewer viewer, UUID organisationId) {
    requireEpisodeRole(viewer);
    if (!viewer.isStaffOf(new cymru.calon.commands.api.ids.OrganisationId(organisationId))) {
      throw new NoAccess("Episodes are seen only by the staff of the organisation that runs them.");
    }
  }
}
