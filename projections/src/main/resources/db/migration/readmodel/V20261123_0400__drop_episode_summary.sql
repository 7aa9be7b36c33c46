-- The slice's episode summary is answered from the episode figures' tables (episode, contact);
-- its own projection is gone, and with it a third read of the whole store on every replay.
DROP TABLE read_model.episode_summary;
