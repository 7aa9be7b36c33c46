package cymru.calon.query.people;

import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.person.ProtectedDetails;
import cymru.calon.commands.api.person.Sealed;
import java.util.Optional;

/**
 * Opens personal data sealed with a person's key, for the few views that may show it (a person's
 * own subject-access export, a consented story to the service's commissioner). Empty once the
 * person is forgotten: their key is gone and nothing can open it again.
 */
public interface PersonalData {
  Optional<ProtectedDetails> details(PersonId personId, Sealed sealed);

  Optional<String> story(PersonId personId, StoryId storyId, Sealed sealed);
}
