package cymru.calon.infra.demo;

import cymru.calon.commands.api.ids.PersonId;

/**
 * Someone referred to a service. Only the pseudonym reaches the commands; the rest shapes their
 * history.
 *
 * @param language a BCP 47 tag
 * @param interpreterNeeded whether contacts need an interpreter
 * @param engagement 0..1, how easily they keep appointments
 * @param returns how many times they have been referred again
 */
record Person(
    PersonId personId, String language, boolean interpreterNeeded, double engagement, int returns) {
  Person returned() {
    return new Person(personId, language, interpreterNeeded, engagement, returns + 1);
  }

  boolean speaksEnglishOrWelsh() {
    return language.equals("en") || language.equals("cy");
  }
}
