-- Row-level security on the person-level read models. Each transaction that reads them says for
-- whom (set_config(..., true): the settings end with the transaction):
--   calon.scope = 'provider'     with calon.organisation_id: that organisation's rows only;
--   calon.scope = 'commissioner' with calon.commissioner_id: stories of services they commission;
--   calon.scope = 'projector'    the projections writing the tables (all rows).
-- A transaction that says nothing sees nothing.
ALTER TABLE read_model.person ENABLE ROW LEVEL SECURITY;
ALTER TABLE read_model.person_consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE read_model.person_episode ENABLE ROW LEVEL SECURITY;
ALTER TABLE read_model.shared_story ENABLE ROW LEVEL SECURITY;

CREATE POLICY projector ON read_model.person
    USING (current_setting('calon.scope', true) = 'projector');
CREATE POLICY projector ON read_model.person_consent
    USING (current_setting('calon.scope', true) = 'projector');
CREATE POLICY projector ON read_model.person_episode
    USING (current_setting('calon.scope', true) = 'projector');
CREATE POLICY projector ON read_model.shared_story
    USING (current_setting('calon.scope', true) = 'projector');

CREATE POLICY provider ON read_model.person FOR SELECT
    USING (current_setting('calon.scope', true) = 'provider'
           AND organisation_id = nullif(current_setting('calon.organisation_id', true), '')::uuid);
CREATE POLICY provider ON read_model.person_consent FOR SELECT
    USING (current_setting('calon.scope', true) = 'provider'
           AND organisation_id = nullif(current_setting('calon.organisation_id', true), '')::uuid);
CREATE POLICY provider ON read_model.person_episode FOR SELECT
    USING (current_setting('calon.scope', true) = 'provider'
           AND organisation_id = nullif(current_setting('calon.organisation_id', true), '')::uuid);
CREATE POLICY provider ON read_model.shared_story FOR SELECT
    USING (current_setting('calon.scope', true) = 'provider'
           AND organisation_id = nullif(current_setting('calon.organisation_id', true), '')::uuid);

CREATE POLICY commissioner ON read_model.shared_story FOR SELECT
    USING (current_setting('calon.scope', true) = 'commissioner'
           AND service_id IN (
               SELECT s.service_id FROM read_model.service s
                WHERE s.commissioner_id
                      = nullif(current_setting('calon.commissioner_id', true), '')::uuid));
