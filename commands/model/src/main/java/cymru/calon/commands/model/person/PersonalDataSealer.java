package cymru.calon.commands.model.person;

import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.Sealed;

/**
 * Seals personal data with the key of the person it is about, before any event holding it is
 * written. The keys live outside the event stream; forgetting a person deletes theirs.
 */
public interface PersonalDataSealer {
  /** Seals a person's identifying details, creating their key if they have none yet. */
  Sealed sealDetails(PersonId personId, ProtectedDetails details);

  /** Seals the text of a story with the key of the person who told it. */
  Sealed sealStory(PersonId personId, StoryId storyId, String text);
}
