package cymru.calon.commands.api.access;

import cymru.calon.commands.api.CommandMetadata;
import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who issues a command. It travels as command metadata ({@link CommandMetadata#ACTOR_ROLE} and
 * friends, plain strings) from the dispatcher to the command side's access check, which refuses a
 * command that has none. Provider staff always have an organisation, a commissioner always a
 * commissioner id.
 *
 * @param name for audit only: a user name, a token's subject, or what an in-process caller is
 */
public record Actor(
    ActorRole role,
    String name,
    Optional<OrganisationId> organisation,
    Optional<CommissionerId> commissioner) {
  public Actor {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(commissioner, "commissioner");
    if (organisation.isPresent() != (role == ActorRole.PROVIDER)) {
      throw new IllegalArgumentException("Provider staff, and only they, have an organisation");
    }
    if (commissioner.isPresent() != (role == ActorRole.COMMISSIONER)) {
      throw new IllegalArgumentException("A commissioner, and only they, has a commissioner id");
    }
  }

  /** Calon itself, for in-process callers (the demo loader, the command-line import). */
  public static Actor system(String name) {
    return new Actor(ActorRole.SYSTEM, name, Optional.empty(), Optional.empty());
  }

  public static Actor provider(String name, OrganisationId organisation) {
    return new Actor(ActorRole.PROVIDER, name, Optional.of(organisation), Optional.empty());
  }

  public static Actor commissioner(String name, CommissionerId commissioner) {
    return new Actor(ActorRole.COMMISSIONER, name, Optional.empty(), Optional.of(commissioner));
  }

  public static Actor policy(String name) {
    return new Actor(ActorRole.POLICY, name, Optional.empty(), Optional.empty());
  }

  /** The metadata entries that carry this actor. */
  public Map<String, String> toMetaData() {
    Map<String, String> entries = new HashMap<>();
    entries.put(CommandMetadata.ACTOR_ROLE, role.name());
    entries.put(CommandMetadata.ACTOR_NAME, name);
    organisation.ifPresent(o -> entries.put(CommandMetadata.ACTOR_ORGANISATION, o.toString()));
    commissioner.ifPresent(c -> entries.put(CommandMetadata.ACTOR_COMMISSIONER, c.toString()));
    return entries;
  }

  /**
   * The actor a command's metadata names; empty when it names none or an inconsistent one (a
   * provider without an organisation, an unknown role), which the access check refuses alike.
   */
  public static Optional<Actor> fromMetaData(Map<String, ?> metaData) {
    Object role = metaData.get(CommandMetadata.ACTOR_ROLE);
    Object name = metaData.get(CommandMetadata.ACTOR_NAME);
    if (role == null || name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Actor(
              ActorRole.valueOf(role.toString()),
              name.toString(),
              Optional.ofNullable(metaData.get(CommandMetadata.ACTOR_ORGANISATION))
                  .map(o -> OrganisationId.of(o.toString())),
              Optional.ofNullable(metaData.get(CommandMetadata.ACTOR_COMMISSIONER))
                  .map(c -> CommissionerId.of(c.toString()))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
