package cymru.calon.commands.api.person;

/**
 * A command with personal data in it ({@link RegisterPerson}, {@code ShareStory}). Nothing derived
 * from its personal fields may be kept in the clear — not even a plain hash for idempotency, which
 * could confirm a guessed name long after erasure.
 */
public interface CarriesPersonalData {}
