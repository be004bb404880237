-- Key dates of coordination that the discoverer sees on the status page: the start date (起算日,
-- the first contact with the developer) and the publication date (once public).
ALTER TABLE vr_case ADD COLUMN start_date_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE vr_case ADD COLUMN published_at TIMESTAMP WITH TIME ZONE;
