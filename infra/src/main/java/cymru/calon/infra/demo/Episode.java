package cymru.calon.infra.demo;

import cymru.calon.commands.api.episode.TrustMarker;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OutcomeId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The state of one episode while the history runs; {@link Episodes} moves it along. */
final class Episode {
  enum Phase {
    WAITING,
    ACTIVE,
    AFTERCARE,
    /** A closure is scheduled: nothing more happens but that. */
    CLOSING,
    CLOSED
  }

  final EpisodeId episodeId;
  final Person person;
  final ServiceRun service;
  final Instant referredAt;
  final double trustThreshold;

  Phase phase = Phase.WAITING;
  Member keyWorker;

  /** Changes of key worker must be recorded in time order. */
  Instant lastKeyWorkerChange = Instant.MIN;

  /** Workers the person has met in a contact. */
  final List<Member> met = new ArrayList<>(4);

  /** Recording time of the latest command recorded promptly: they keep their order. */
  Instant lastPromptRecord = Instant.MIN;

  /** The latest occurredAt of any fact recorded so far. */
  Instant latestFact = Instant.MIN;

  boolean contactRecorded;
  Instant lastTick;
  int attended;
  int attendedSinceTrust;
  int missedInARow;
  double trust;
  boolean trusted;
  final Set<TrustMarker> markers = EnumSet.noneOf(TrustMarker.class);
  Instant nextCheckIn;
  boolean peerSupport;
  int coldChanges;
  int outcomes;
  OutcomeId lastOutcome;
  Instant lastOutcomeAt;
  LocalDate aftercareUntil;
  boolean aftercareContact;

  Episode(
      EpisodeId episodeId,
      Person person,
      ServiceRun service,
      Instant referredAt,
      double trustThreshold) {
    this.episodeId = episodeId;
    this.person = person;
    this.service = service;
    this.referredAt = referredAt;
    this.trustThreshold = trustThreshold;
    this.lastTick = referredAt;
  }

  boolean open() {
    return phase != Phase.CLOSED;
  }

  /** Still being supported: not waiting for a closure. */
  boolean supported() {
    return phase == Phase.WAITING || phase == Phase.ACTIVE || phase == Phase.AFTERCARE;
  }

  void noteFact(Instant occurredAt) {
    if (occurredAt.isAfter(latestFact)) {
      latestFact = occurredAt;
    }
  }
}
