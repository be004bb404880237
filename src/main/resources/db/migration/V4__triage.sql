-- SSVC triage outcome (Track, Track*, Attend, Act) and the decision points it came from.
ALTER TABLE vr_case ADD COLUMN ssvc_priority VARCHAR(10);
ALTER TABLE vr_case ADD COLUMN ssvc_inputs VARCHAR(200);
