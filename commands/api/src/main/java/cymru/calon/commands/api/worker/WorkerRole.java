package cymru.calon.commands.api.worker;

/** A worker's role in their organisation. */
public enum WorkerRole {
  KEY_WORKER,
  PEER_MENTOR,
  CLINICIAN,
  MANAGER,
  OTHER
}
