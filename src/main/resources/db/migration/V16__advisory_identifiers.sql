-- JVN numbers by origin: JVN# + 8 digits for partnership cases (reports through IPA), JVNVU# + 8 digits for
-- cases coordinated with an overseas coordinator (e.g. CERT/CC). One counter row per prefix; taking a number
-- is an UPDATE of that row (a row lock), so two nodes never hand out the same number.
CREATE TABLE vr_advisory_number (
    prefix        VARCHAR(10) PRIMARY KEY,
    last_number   BIGINT NOT NULL
);
INSERT INTO vr_advisory_number (prefix, last_number) VALUES ('JVN', 0);
INSERT INTO vr_advisory_number (prefix, last_number) VALUES ('JVNVU', 0);

-- The overseas coordinator a case came from or goes to (empty: a partnership case), the CVE IDs reserved for
-- the case (one per distinct vulnerability, space separated) and the CSAF document's current version.
ALTER TABLE vr_publication ADD COLUMN overseas_coordinator VARCHAR(200);
ALTER TABLE vr_publication ADD COLUMN cve_ids VARCHAR(2000);
ALTER TABLE vr_publication ADD COLUMN csaf_version INTEGER;

-- Every released version of an advisory's CSAF document: an update after publication is a new version with a
-- new revision entry; earlier versions are kept.
CREATE TABLE vr_csaf_revision (
    tracking_number   VARCHAR(20) NOT NULL REFERENCES vr_case (tracking_number),
    version           INTEGER NOT NULL,
    released_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    summary           VARCHAR(2000) NOT NULL,
    released_by       VARCHAR(100) NOT NULL,
    csaf_json         VARCHAR(400000) NOT NULL,
    PRIMARY KEY (tracking_number, version)
);
