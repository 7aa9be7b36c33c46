package cymru.calon.infra.commands;

import cymru.calon.commands.api.CommandMetadata;
import cymru.calon.commands.api.CommandStatus;
import cymru.calon.commands.api.episode.ShareStory;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.Rejection;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.person.CarriesPersonalData;
import cymru.calon.commands.api.person.RegisterPerson;
import cymru.calon.infra.privacy.PersonKeys;
import cymru.calon.infra.store.GroupParticipation;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes {@code commandId} an idempotency key. Runs inside the command's transaction: the log row
 * commits with the command's events or not at all, and a concurrent twin waits on the row's key and
 * then sees the first one's outcome.
 */
final class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {
  /** The fields of commands that carry personal data ({@link CarriesPersonalData}). */
  private static final List<String> PERSONAL_FIELDS = List.of("protectedDetails", "text");

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final PersonKeys keys;
  private final JdbcFactsLookup facts;

  IdempotencyInterceptor(
      JdbcTemplate jdbc, JsonMapper json, PersonKeys keys, JdbcFactsLookup facts) {
    this.jdbc = jdbc;
    this.json = json;
    this.keys = keys;
    this.facts = facts;
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    CommandMessage<?> command = unitOfWork.getMessage();
    Object id = command.getMetaData().get(CommandMetadata.COMMAND_ID);
    if (id == null) {
      throw new IllegalArgumentException("Every command needs a commandId in its metadata");
    }
    UUID commandId = UUID.fromString(id.toString());
    String type = command.getPayloadType().getSimpleName();
    byte[] hash = contentHash(type, command.getPayload());
    GroupCommandLog.Log group = GroupCommandLog.current();
    if (group != null) {
      return inGroup(group, unitOfWork, chain, commandId, type, hash);
    }
    if (GroupParticipation.of(unitOfWork) != null) {
      throw new IllegalStateException("A command of a group needs the group's command log");
    }
    int inserted =
        jdbc.update(
            "INSERT INTO command_log (command_id, command_type, content_sha256) VALUES (?, ?, ?)"
                + " ON CONFLICT (command_id) DO NOTHING",
            commandId,
            type,
            hash);
    if (inserted == 0) {
      return repeated(
          commandId,
          hash,
          jdbc.queryForObject(
              "SELECT content_sha256 FROM command_log WHERE command_id = ?",
              byte[].class,
              commandId));
    }
    chain.proceed();
    return CommandStatus.ACCEPTED;
  }

  /**
   * In a group, nothing is written before the command's unit of work commits (see {@link
   * GroupParticipation}): the row is added to the group's log once the events are appended, and
   * written with the group.
   */
  private static Object inGroup(
      GroupCommandLog.Log group,
      UnitOfWork<? extends CommandMessage<?>> unitOfWork,
      InterceptorChain chain,
      UUID commandId,
      String type,
      byte[] hash)
      throws Exception {
    byte[] earlier = group.hashOf(commandId);
    if (earlier != null) {
      return repeated(commandId, hash, earlier);
    }
    unitOfWork.onCommit(u -> group.accepted(commandId, type, hash));
    chain.proceed();
    return CommandStatus.ACCEPTED;
  }

  /** A command whose id was logged before, with content hash {@code earlier}. */
  private static CommandStatus repeated(UUID commandId, byte[] hash, byte[] earlier) {
    if (Arrays.equals(earlier, hash)) {
      return CommandStatus.DUPLICATE;
    }
    Rejection reused =
        Rejection.of(
            BusinessErrorCode.COMMAND_ID_REUSED,
            "commandId " + commandId + " was used before for a different command.");
    throw new CommandExecutionException(reused.detail(), null, reused);
  }

  /**
   * What identifies a command's content. A command with personal data is digested under its
   * person's own PRF key, so the log can tell a repeat from a change without keeping anything that
   * could confirm a guessed name once the person is forgotten. Before the person is known (an
   * invalid command, an unknown episode), only the command's other fields count: such a command is
   * refused and its log row rolls back with it.
   */
  private byte[] contentHash(String type, Object payload) throws NoSuchAlgorithmException {
    if (payload instanceof CarriesPersonalData) {
      Optional<PersonId> person =
          switch (payload) {
            case RegisterPerson c -> Optional.ofNullable(c.personId());
            case ShareStory c ->
                c.episodeId() == null ? Optional.empty() : facts.personOf(c.episodeId());
            default -> Optional.empty();
          };
      byte[] content = json.writeValueAsBytes(payload);
      Optional<byte[]> keyed =
          person.flatMap(p -> keys.digest(p, content, payload instanceof RegisterPerson));
      if (keyed.isPresent()) {
        return keyed.get();
      }
      ObjectNode withoutPersonalData = json.valueToTree(payload);
      PERSONAL_FIELDS.forEach(withoutPersonalData::remove);
      return plainHash(type, withoutPersonalData);
    }
    return plainHash(type, payload);
  }

  private byte[] plainHash(String type, Object payload) throws NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    sha.update(type.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(json.writeValueAsBytes(payload));
    return sha.digest();
  }
}
