package cymru.calon.infra;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An NDJSON import of {@code lines} valid commands of one provider ({@link WireJson#ORGANISATION}),
 * generated as it is read and never held whole: the worker joining, one session of reflective
 * practice, then for each episode a {@code RegisterPerson}, a {@code ReceiveReferral} and four
 * {@code RecordContact}s (so 1,000,000 lines are 1 worker, 1 session, 166,667 people and referrals,
 * and the rest contacts). The episodes are with a service that the commissioner commissions first
 * ({@link #commissionService()}): commissioning is not the provider's to import. Ids are fresh for
 * every instance, so each can be imported into the same store.
 */
public final class GeneratedHistory extends InputStream {
  private static final int LINES_PER_EPISODE = 6;
  private static final String WORKER = "5d7e9a1c-3b2f-4c6d-8e9f-0a1b2c3d4e05";

  private final long lines;
  private final long run = ThreadLocalRandom.current().nextLong();
  private final UUID service = UUID.randomUUID();
  private final StringBuilder text = new StringBuilder(1024);
  private long next;
  private byte[] current = new byte[0];
  private int position;

  public GeneratedHistory(long lines) {
    this.lines = lines;
  }

  /**
   * The command, for the commissioner ({@link TestLogins#COMMISSIONER}), that commissions the
   * service the history's episodes are with; send it before the import.
   */
  public String commissionService() {
    return ("{\"type\":\"CommissionService\",\"commandId\":\"%s\",\"serviceId\":\"%s\","
            + "\"organisationId\":\"8b0f4c0e-8f0a-4a43-9d1f-0d5f2f0a8a01\","
            + "\"commissionerId\":\"c1a4d6e2-1b7e-4a8e-9a53-2f4f8e7b6c02\","
            + "\"name\":\"Generated service\",\"cohort\":\"HOUSING_SUPPORT\","
            + "\"areaCode\":\"W06000015\",\"contractStart\":\"2025-01-01\","
            + "\"contractEnd\":\"2028-03-31\",\"occurredAt\":\"2025-01-01T09:00:00Z\"}")
        .formatted(id(4, 0), service);
  }

  @Override
  public int read() {
    if (!ensureBytes()) {
      return -1;
    }
    return current[position++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    int copied = 0;
    while (copied < len && ensureBytes()) {
      int n = Math.min(len - copied, current.length - position);
      System.arraycopy(current, position, b, off + copied, n);
      position += n;
      copied += n;
    }
    return copied == 0 ? -1 : copied;
  }

  private boolean ensureBytes() {
    if (position < current.length) {
      return true;
    }
    if (next == lines) {
      return false;
    }
    current = line(next++).getBytes(StandardCharsets.UTF_8);
    position = 0;
    return true;
  }

  private String line(long index) {
    text.setLength(0);
    if (index == 0) {
      text.append("{\"type\":\"RecordWorkerJoined\",\"commandId\":\"")
          .append(id(0, index))
          .append("\",\"workerId\":\"")
          .append(WORKER)
          .append(
              "\",\"organisationId\":\"8b0f4c0e-8f0a-4a43-9d1f-0d5f2f0a8a01\","
                  + "\"role\":\"KEY_WORKER\",\"livedExperience\":false,"
                  + "\"occurredAt\":\"2024-01-01T09:00:00Z\"}\n");
      return text.toString();
    }
    if (index == 1) {
      text.append("{\"type\":\"RecordReflectivePractice\",\"commandId\":\"")
          .append(id(0, index))
          .append("\",\"workerId\":\"")
          .append(WORKER)
          .append(
              "\",\"occurredAt\":\"2024-06-03T14:00:00Z\",\"minutes\":60,"
                  + "\"kind\":\"GROUP_REFLECTION\"}\n");
      return text.toString();
    }
    long episode = (index - 2) / LINES_PER_EPISODE;
    if ((index - 2) % LINES_PER_EPISODE == 0) {
      text.append("{\"type\":\"RegisterPerson\",\"commandId\":\"")
          .append(id(0, index))
          .append("\",\"personId\":\"")
          .append(id(2, episode))
          .append(
              "\",\"organisationId\":\"8b0f4c0e-8f0a-4a43-9d1f-0d5f2f0a8a01\","
                  + "\"protectedDetails\":{\"name\":\"Generated Person\"},"
                  + "\"preferredLanguage\":\"en\",\"interpreterNeeded\":false,"
                  + "\"ageBand\":\"25-34\",\"occurredAt\":\"2025-01-15T09:00:00Z\"}\n");
    } else if ((index - 2) % LINES_PER_EPISODE == 1) {
      text.append("{\"type\":\"ReceiveReferral\",\"commandId\":\"")
          .append(id(0, index))
          .append("\",\"episodeId\":\"")
          .append(id(1, episode))
          .append("\",\"personId\":\"")
          .append(id(2, episode))
          .append("\",\"serviceId\":\"")
          .append(service)
          .append("\",\"source\":\"GP\",\"occurredAt\":\"2025-02-01T09:00:00Z\"}\n");
    } else {
      text.append("{\"type\":\"RecordContact\",\"commandId\":\"")
          .append(id(0, index))
          .append("\",\"episodeId\":\"")
          .append(id(1, episode))
          .append("\",\"contactId\":\"")
          .append(id(3, index))
          .append("\",\"workerId\":\"")
          .append(WORKER)
          .append("\",\"occurredAt\":\"2025-03-0")
          .append((index - 2) % LINES_PER_EPISODE - 1)
          .append(
              "T10:00:00Z\",\"minutes\":45,\"mode\":\"IN_PERSON\",\"setting\":\"PRIVATE_ROOM\","
                  + "\"initiatedBy\":\"WORKER\",\"interpreter\":\"NONE\","
                  + "\"choicesOffered\":[\"TIME\"],\"storyRetold\":false,"
                  + "\"purpose\":\"SUPPORT\"}\n");
    }
    return text.toString();
  }

  /** A distinct id per kind and number within this run. */
  private UUID id(int kind, long number) {
    return new UUID(run ^ ((long) kind << 56), number);
  }
}
